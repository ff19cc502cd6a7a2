import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArguments } from "../../../src/checks/a11y/cli.ts";
import { UsageError } from "../../../src/checks/a11y/errors.ts";
import { defaultConcurrency, PROJECT_ROOT } from "../../../src/checks/a11y/index.ts";
import { cleanSiteFiles, sitemap, temporaryDir, writeFiles } from "./fixtures.ts";

describe("parseCliArguments", () => {
  it("checks _site with the cache and default concurrency when given nothing", () => {
    expect(parseCliArguments([])).toEqual({
      help: false,
      reportDir: join(PROJECT_ROOT, "reports", "a11y"),
      check: {
        siteDir: join(PROJECT_ROOT, "_site"),
        concurrency: defaultConcurrency(),
        cache: true,
        shard: null,
      },
    });
  });

  it("reads --site, --concurrency, --no-cache, --shard, --report-dir and --cache-dir", () => {
    const parsed = parseCliArguments([
      "--site=/tmp/site",
      "--concurrency",
      "3",
      "--no-cache",
      "--shard",
      "2/4",
      "--report-dir",
      "/tmp/reports",
      "--cache-dir",
      "/tmp/cache",
    ]);
    expect(parsed).toEqual({
      help: false,
      reportDir: "/tmp/reports",
      check: {
        siteDir: "/tmp/site",
        concurrency: 3,
        cache: false,
        shard: { index: 2, total: 4 },
        cacheDir: "/tmp/cache",
      },
    });
  });

  it.each([
    ["--concurrency", "0"],
    ["--concurrency", "two"],
    ["--shard", "3/2"],
    ["--colour"],
    ["_site"],
  ])("treats %j as a usage error", (...argv) => {
    expect(() => parseCliArguments(argv)).toThrow(UsageError);
  });
});

/**
 * Runs the gate's script the way `npm run check:a11y` does, but with tsx as a loader inside one
 * Node process, so that signals reach the script itself and not a tsx wrapper process.
 */
function runScript(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  onStart?: (child: ChildProcess) => void,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/check-a11y.ts", ...args], {
    cwd: PROJECT_ROOT,
    env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  onStart?.(child);
  return new Promise((resolveRun) => {
    child.on("close", (status, signal) => {
      resolveRun({
        status: status ?? (signal === null ? null : 128 + constants.signals[signal]),
        stdout,
        stderr,
      });
    });
  });
}

/** Browser profiles in use: the distinct --user-data-dir values below the given folder. */
function browserProfilesUnder(dir: string): Set<string> {
  const flag = `--user-data-dir=${dir}`;
  return new Set(
    processesMentioning(flag).flatMap((commandLine) =>
      commandLine.split(" ").filter((arg) => arg.startsWith(flag)),
    ),
  );
}

/** Command lines of running processes that mention the given text. */
function processesMentioning(text: string): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        return commandLine.includes(text) ? [commandLine] : [];
      } catch {
        return [];
      }
    });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  return true;
}

describe("npm run check:a11y", () => {
  it("exits 2 with the usage text for an unknown option", async () => {
    const run = await runScript(["--frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run check:a11y");
  });

  it("exits 1 with a clear message and a report when the sitemap lists no pages", async () => {
    const site = temporaryDir("cli-empty");
    writeFiles(site, { ...cleanSiteFiles(), "sitemap.xml": sitemap([]) });
    const reports = temporaryDir("cli-reports");
    const run = await runScript(["--site", site, "--report-dir", reports]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/lists no pages/);
    expect(run.stdout).toMatch(/0 of 0 pages checked/);
    expect(existsSync(join(reports, "a11y-report.json"))).toBe(true);
    expect(existsSync(join(reports, "html", "index.html"))).toBe(true);
  });

  /**
   * Starts the gate on a clean site, sends `signal` once both browsers run, and returns the run
   * with its scratch folder: everything the run puts in the temporary folder (browser profiles,
   * pa11y-ci's configuration) lands there, so its processes can be told apart from others'.
   */
  async function interruptedRun(signal: NodeJS.Signals) {
    const site = temporaryDir("cli-interrupted");
    writeFiles(site, cleanSiteFiles());
    const scratch = temporaryDir("cli-scratch");
    let browsersSeen = false;
    const run = await runScript(
      ["--site", site, "--no-cache", "--report-dir", temporaryDir("cli-reports")],
      { ...process.env, TMPDIR: scratch },
      (child) => {
        void until(() => browserProfilesUnder(scratch).size >= 2, 60_000).then((seen) => {
          browsersSeen = seen;
          child.kill(signal);
        });
      },
    );
    return { ...run, browsersSeen, scratch };
  }

  it("stops its server, browsers and pa11y-ci and removes its files on Ctrl-C", async () => {
    const run = await interruptedRun("SIGINT");
    expect(run.browsersSeen).toBe(true);
    expect(run.status).toBe(130);
    expect(run.stderr).toContain("SIGINT received: stopping the server and browsers");
    expect(await until(() => processesMentioning(run.scratch).length === 0, 10_000)).toBe(true);
    expect(readdirSync(run.scratch).filter((name) => name.startsWith("a11y-gate-"))).toEqual([]);
  });

  it("leaves no browser or pa11y-ci process behind even when killed outright", async () => {
    const run = await interruptedRun("SIGKILL");
    expect(run.browsersSeen).toBe(true);
    expect(run.status).toBe(137);
    expect(await until(() => processesMentioning(run.scratch).length === 0, 20_000)).toBe(true);
  });
});
