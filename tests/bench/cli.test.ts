import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, runScript } from "../support/project.ts";

const stableKeys = [
  "build.ratio",
  "build.seconds",
  "build.baselineSeconds",
  "duplicates.seconds",
  "duplicates.peakRssMiB",
  "i18n.seconds",
  "a11y.secondsPerPage",
  "a11y.baselineSecondsPerPage",
  "a11y.cachedRunSeconds",
  "pageWeight.maxGzipBytes",
  "pageWeight.jsBytes",
  "machine.cpus",
  "machine.memoryGiB",
  "machine.node",
  "machine.date",
];

function at(report: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (value, part) =>
        typeof value === "object" && value !== null && part in value
          ? (value as Record<string, unknown>)[part]
          : Symbol.for("missing"),
      report,
    );
}

describe("npm run bench", () => {
  it("measures a small synthetic site and writes every stable key of the report", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "gw-bench-test-"));
    const reportFile = path.join(folder, "bench.json");
    try {
      const run = runScript(projectRoot, "scripts/bench.ts", [
        "--quick",
        "--pages",
        "20",
        "--no-a11y",
        "--report",
        reportFile,
      ]);
      expect(run.status, run.output).toBe(0);
      expect(run.stdout).toMatch(
        /\| Build time vs bare Eleventy \(`build\.ratio`\) \| \d+\.\d+ × \|/,
      );
      const report: unknown = JSON.parse(await readFile(reportFile, "utf8"));
      for (const key of stableKeys) expect(at(report, key), key).not.toBe(Symbol.for("missing"));
      expect(at(report, "build.pages")).toBe(40);
      expect(at(report, "build.seconds")).toBeGreaterThan(0);
      expect(at(report, "build.ratio")).toBeGreaterThan(0);
      expect(at(report, "duplicates.exitCode")).toBe(0);
      expect(at(report, "i18n.exitCode")).toBe(0);
      expect(at(report, "pageWeight.maxGzipBytes")).toBeGreaterThan(0);
      expect(at(report, "a11y.secondsPerPage")).toBeNull();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("rejects an unknown option with the usage text and exit status 2", () => {
    const run = runScript(projectRoot, "scripts/bench.ts", ["--pagez", "3"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--pagez'[\s\S]*Usage: npm run bench/);
  });
});
