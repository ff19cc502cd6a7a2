import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { findBrowser } from "../browser.ts";
import { checkAccessibility } from "./index.ts";
import { listSitePages } from "./pages.ts";
import { startSiteServer } from "./server.ts";

const require = createRequire(import.meta.url);

/** One side-by-side run: the gate cold (no cache) and pa11y-ci with its defaults, on the same pages. */
export interface SpeedComparison {
  pages: number;
  gateSeconds: number;
  pa11yCiSeconds: number;
  /** pa11yCiSeconds / gateSeconds: how many times faster the gate is. */
  ratio: number;
}

function runPa11yCi(configFile: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [require.resolve("pa11y-ci/bin/pa11y-ci.js"), "--config", configFile],
      {
        stdio: "ignore",
      },
    );
    child.once("error", reject);
    child.once("close", resolve);
  });
}

/**
 * pa11y-ci as a team would start it, with its defaults (runner, standard, concurrency,
 * incognito contexts, waiting for the network to go quiet) and only what it needs to start
 * Chromium here, on every page the gate checks, served the same way. Resolves with seconds.
 */
export async function timePa11yCiDefaults(siteDir: string, browserPath: string): Promise<number> {
  const pages = listSitePages(siteDir);
  const server = await startSiteServer(siteDir);
  const workDir = await mkdtemp(join(tmpdir(), "a11y-speed-"));
  try {
    const configFile = join(workDir, "pa11yci.json");
    const config = {
      defaults: { chromeLaunchConfig: { executablePath: browserPath, args: ["--no-sandbox"] } },
      urls: pages.map((page) => ({ url: server.origin + page.path })),
    };
    await writeFile(configFile, JSON.stringify(config));
    const started = performance.now();
    const status = await runPa11yCi(configFile);
    // 2 means pa11y-ci found issues, which is no matter here; anything else means it did not test.
    if (status !== 0 && status !== 2)
      throw new Error(`pa11y-ci could not test the pages (exit status ${status ?? "none"}).`);
    return (performance.now() - started) / 1000;
  } finally {
    await server.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The gate once, cold: no cache, its own browser started and stopped. Resolves with seconds. */
export async function timeGateCold(siteDir: string, browserPath: string): Promise<number> {
  const started = performance.now();
  const result = await checkAccessibility({ siteDir, cache: false, browserPath });
  if (result.fatal !== null)
    throw new Error(`the accessibility gate could not run: ${result.fatal}`);
  return (performance.now() - started) / 1000;
}

/**
 * Times the gate (cold) and pa11y-ci with its defaults on the same site, one after the other,
 * `order` deciding which goes first (alternate it across runs, so neither always meets a
 * warmer or busier machine). The benchmark calls this for the real site and its sample.
 */
export async function compareWithPa11yCi(
  siteDir: string,
  order: "gate-first" | "pa11y-ci-first" = "gate-first",
): Promise<SpeedComparison> {
  const browserPath = findBrowser();
  const pages = listSitePages(siteDir).length;
  let gateSeconds: number;
  let pa11yCiSeconds: number;
  if (order === "gate-first") {
    gateSeconds = await timeGateCold(siteDir, browserPath);
    pa11yCiSeconds = await timePa11yCiDefaults(siteDir, browserPath);
  } else {
    pa11yCiSeconds = await timePa11yCiDefaults(siteDir, browserPath);
    gateSeconds = await timeGateCold(siteDir, browserPath);
  }
  return { pages, gateSeconds, pa11yCiSeconds, ratio: pa11yCiSeconds / gateSeconds };
}
