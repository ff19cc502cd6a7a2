import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  a11yMergeGate,
  mergeShardReports,
  type ShardReport,
} from "../../../src/checks/a11y/merge.ts";
import type { PageFacts } from "../../../src/checks/a11y/probes/types.ts";
import { gateReportSchema } from "../../../src/checks/gate.ts";
import { runGateCaptured } from "../../../src/checks/runner.ts";
import { makeTempDirSync } from "../../support/temp.ts";
import { cleanSiteFiles, picture, temporaryDir, writeFiles } from "./fixtures.ts";

const SITEMAP = ["/de/", "/de/quellen/", "/en/", "/en/sources/"].map((path) => ({
  path,
  url: `https://example.org${path}`,
}));

function facts(path: string, title: string): PageFacts {
  return {
    path,
    language: path.split("/")[1] ?? "",
    title,
    menus: [],
    sharedLinks: [],
    help: [],
  };
}

function shard(
  index: number,
  paths: string[],
  options: { status?: "passed" | "failed"; title?: (path: string) => string } = {},
): ShardReport {
  const status = options.status ?? "passed";
  return {
    file: `shard-${index}/report.json`,
    report: {
      gate: "a11y",
      schemaVersion: 1,
      status,
      exitCode: status === "passed" ? 0 : 1,
      checked: { pages: paths.length },
      counts: { error: status === "passed" ? 0 : 1, warning: 0 },
      findings:
        status === "passed"
          ? []
          : [
              {
                rule: "axe:image-alt",
                severity: "error",
                message: "Images must have alternative text",
                url: `https://example.org${paths[0] ?? ""}`,
              },
            ],
      notes: [],
      details: {
        shard: { index, total: 2 },
        siteProbesRun: false,
        pages: paths.map((path) => ({
          path,
          url: `https://example.org${path}`,
          inSitemap: true,
          status: status === "passed" ? "passed" : "failed",
          cached: false,
          facts: facts(path, options.title?.(path) ?? `Titel ${path}`),
        })),
        coverage: [],
        timings: {},
      },
    },
  };
}

const rules = (shards: ShardReport[]) =>
  mergeShardReports(shards, 2, SITEMAP).findings.map((finding) => finding.rule);

describe("mergeShardReports", () => {
  it("passes when every shard passed and together they checked every page of the sitemap", () => {
    const merged = mergeShardReports(
      [shard(1, ["/de/", "/en/"]), shard(2, ["/de/quellen/", "/en/sources/"])],
      2,
      SITEMAP,
    );
    expect(merged.findings).toEqual([]);
    expect(merged.pagesChecked).toBe(4);
  });

  it("detects a missing shard and the sitemap pages nobody checked", () => {
    const merged = mergeShardReports([shard(1, ["/de/", "/en/"])], 2, SITEMAP);
    expect(merged.findings.map((finding) => [finding.rule, finding.message])).toEqual([
      ["merge:missing-shard", "Shard 2/2 sent no report: its pages went unchecked."],
      ["merge:page-unchecked", "/de/quellen/ is in the sitemap but no shard checked it."],
      ["merge:page-unchecked", "/en/sources/ is in the sitemap but no shard checked it."],
    ]);
  });

  it("fails when a shard failed, keeping its findings and the criterion they fail", () => {
    const merged = mergeShardReports(
      [
        shard(1, ["/de/", "/en/"], { status: "failed" }),
        shard(2, ["/de/quellen/", "/en/sources/"]),
      ],
      2,
      SITEMAP,
    );
    expect(merged.findings.map((finding) => finding.rule)).toEqual([
      "merge:shard-failed",
      "axe:image-alt",
    ]);
    expect(merged.coverage.find((criterion) => criterion.id === "1.1.1")?.result).toBe("failed");
  });

  it("refuses the same shard twice and a report of another run", () => {
    expect(
      rules([
        shard(1, ["/de/", "/en/"]),
        shard(1, ["/de/", "/en/"]),
        shard(2, ["/de/quellen/", "/en/sources/"]),
      ]),
    ).toEqual(["merge:duplicate-shard"]);
    expect(
      rules([
        shard(1, ["/de/", "/en/"]),
        { file: "x.json", report: { gate: "a11y" } },
        shard(2, ["/de/quellen/", "/en/sources/"]),
      ]),
    ).toEqual(["merge:unreadable-report"]);
  });

  it("runs the cross-page probes over all shards' pages, which no shard could alone", () => {
    const sameTitle = () => "Derselbe Titel – Gesundheitswirtschaft";
    expect(
      rules([
        shard(1, ["/de/", "/en/"], { title: sameTitle }),
        shard(2, ["/de/quellen/", "/en/sources/"], { title: sameTitle }),
      ]),
    ).toEqual(["probe:page-title", "probe:page-title", "probe:page-title", "probe:page-title"]);
  });
});

describe("the merged report's screenshots", () => {
  it("copies each shard's screenshots beside the merged report, and links none that is missing or not the gate's", async () => {
    const project = makeTempDirSync("a11y-merge-project-");
    const site = temporaryDir("merge-site");
    writeFiles(site, cleanSiteFiles());
    const png = picture(4, 4, () => [200, 0, 0]);
    const finding = (screenshot: string) => ({
      rule: "probe:content-overflow",
      severity: "error",
      message: "m",
      url: "https://example.org/de/",
      screenshot,
    });
    const shards = [shard(1, ["/de/"]), shard(2, ["/en/"])];
    const files = shards.map((item, index) => {
      const report = item.report as { findings: unknown[] };
      report.findings =
        index === 0
          ? [finding("screenshots/0123456789abcdef.png"), finding("../../../etc/passwd")]
          : [finding("screenshots/fedcba9876543210.png")];
      const file = join(project, `shard-${index + 1}`, "report.json");
      writeFiles(project, {
        [`shard-${index + 1}/report.json`]: JSON.stringify(report),
        // Shard 2's picture did not come with its report.
        ...(index === 0 ? { "shard-1/screenshots/0123456789abcdef.png": png } : {}),
      });
      return file;
    });
    await runGateCaptured(a11yMergeGate, ["--shards", "2", "--site", site, ...files], project);
    const folder = join(project, "reports", "a11y-merge");
    const report = gateReportSchema.parse(
      JSON.parse(readFileSync(join(folder, "report.json"), "utf8")),
    );
    expect(report.findings.map((item) => item.screenshot)).toEqual([
      "screenshots/0123456789abcdef.png",
      undefined,
      undefined,
    ]);
    expect(readFileSync(join(folder, "screenshots", "0123456789abcdef.png"))).toEqual(png);
    expect(readFileSync(join(folder, "report.html"), "utf8")).toContain(
      'href="screenshots/0123456789abcdef.png"',
    );
    expect(existsSync(join(folder, "screenshots", "fedcba9876543210.png"))).toBe(false);
  });
});
