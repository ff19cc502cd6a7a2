import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { findBrowser } from "../../src/checks/browser.ts";
import { checkAccessibility } from "../../src/checks/a11y/index.ts";
import { listSitePages } from "../../src/checks/a11y/pages.ts";
import { startSiteServer } from "../../src/checks/a11y/server.ts";
import { CouldNotCheckError } from "../../src/checks/gate.ts";
import type { SyntheticPage } from "./generate.ts";
import { interleave, median, timed } from "./measure.ts";
import { round, type BenchReport } from "./report.ts";

const require = createRequire(import.meta.url);

/** Files every page needs besides itself: the stylesheet and icon, the chooser, the 404 pages. */
const sharedFiles = ["assets", "index.html", "de/404.html", "en/404.html"];

/**
 * Picks `size` synthetic pages spread evenly over the site, both twins of each chosen pair
 * (so German and English pages are sampled alike).
 */
export function samplePages(pages: readonly SyntheticPage[], size: number): SyntheticPage[] {
  const keys = [...new Set(pages.map((page) => page.translationKey))];
  const pairs = Math.max(1, Math.min(keys.length, Math.floor(size / 2)));
  const chosen = new Set(
    Array.from({ length: pairs }, (_, index) => keys[Math.floor((index * keys.length) / pairs)]),
  );
  return pages.filter((page) => chosen.has(page.translationKey));
}

/**
 * A built site reduced to the sampled pages, with a sitemap listing only them, so the gate
 * and pa11y-ci check exactly these pages (the gate adds the chooser and both 404 pages, as on
 * the real site).
 */
export async function createSampleSite(
  siteDir: string,
  pages: readonly SyntheticPage[],
  baseUrl: string,
): Promise<string> {
  const sample = await mkdtemp(path.join(tmpdir(), "gw-bench-a11y-"));
  const files = [...sharedFiles, ...pages.map((page) => `${page.url.slice(1)}index.html`)];
  for (const file of files) {
    await mkdir(path.dirname(path.join(sample, file)), { recursive: true });
    await cp(path.join(siteDir, file), path.join(sample, file), { recursive: true });
  }
  const locations = pages.map((page) => `  <url><loc>${baseUrl}${page.url}</loc></url>`);
  await writeFile(
    path.join(sample, "sitemap.xml"),
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locations.join("\n")}\n</urlset>\n`,
  );
  return sample;
}

/** One timed run over a site: seconds, pages and whether every page passed. */
export interface A11yRun {
  seconds: number;
  pages: number;
  passed: boolean;
  /** Pages taken from the cache without being checked again. */
  fromCache: number;
  /**
   * The gate's phases (pa11y-ci, the browser checks, html-validate), each in seconds; the
   * first two run at the same time. Zero for pa11y-ci's own run.
   */
  phases: { pa11y: number; browser: number; markup: number };
}

/** Runs the accessibility gate (`npm run check:a11y`'s programmatic entry point) once. */
export async function runGate(
  siteDir: string,
  options: { cache: boolean; cacheDir?: string },
): Promise<A11yRun> {
  const { seconds, value } = await timed(() =>
    checkAccessibility({
      siteDir,
      cache: options.cache,
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    }),
  );
  if (value.fatal !== null) {
    throw new CouldNotCheckError(`the accessibility gate could not run: ${value.fatal}`);
  }
  return {
    seconds,
    pages: value.pagesExpected,
    passed: value.ok,
    fromCache: value.pagesFromCache,
    phases: {
      pa11y: value.timings.pa11yMs / 1000,
      browser: value.timings.browserMs / 1000,
      markup: value.timings.markupMs / 1000,
    },
  };
}

function runNode(
  script: string,
  args: string[],
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      resolve({ status, output });
    });
  });
}

/**
 * Runs pa11y-ci as a team would start it: its default settings (runner, standard, concurrency,
 * incognito contexts, timeouts) and only what it needs to start Chromium here, on the same
 * pages as the gate, served the same way. Issues it finds (exit status 2) do not matter here;
 * a run that could not test the pages (exit status 1) is an error.
 */
export async function runPa11yCiDefaults(siteDir: string): Promise<A11yRun> {
  const pages = listSitePages(siteDir);
  const server = await startSiteServer(siteDir);
  const workDir = await mkdtemp(path.join(tmpdir(), "gw-bench-pa11y-"));
  try {
    const configFile = path.join(workDir, "pa11yci.json");
    const config = {
      defaults: {
        chromeLaunchConfig: { executablePath: findBrowser(), args: ["--no-sandbox"] },
      },
      urls: pages.map((page) => ({ url: server.origin + page.path })),
    };
    await writeFile(configFile, JSON.stringify(config));
    const { seconds, value } = await timed(() =>
      runNode(require.resolve("pa11y-ci/bin/pa11y-ci.js"), ["--config", configFile]),
    );
    if (value.status !== 0 && value.status !== 2) {
      throw new CouldNotCheckError(
        `pa11y-ci could not test the pages (exit status ${value.status ?? "none"}):\n${value.output.slice(-2000)}`,
      );
    }
    return {
      seconds,
      pages: pages.length,
      passed: value.status === 0,
      fromCache: 0,
      phases: { pa11y: seconds, browser: 0, markup: 0 },
    };
  } finally {
    await server.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

function perPage(runs: readonly A11yRun[]): number {
  return median(runs.map((run) => run.seconds / run.pages));
}

/** What the accessibility measurement works on. */
export interface A11yBench {
  /** The built synthetic site. */
  syntheticSite: string;
  /** The built real site. */
  realSite: string;
  /** The synthetic pages to check. */
  sample: readonly SyntheticPage[];
  baseUrl: string;
  runs: number;
  cachedRuns: number;
  /** Temporary folders to remove afterwards; the measurement adds its own. */
  temporary: string[];
  log: (line: string) => void;
}

/**
 * The gate without its cache against pa11y-ci's defaults on the same sample, alternately, the
 * same on the real site's pages, and the gate on the real site once every page is in a fresh
 * cache.
 */
export async function measureAccessibility(bench: A11yBench): Promise<BenchReport["a11y"]> {
  const sampleSite = await createSampleSite(bench.syntheticSite, bench.sample, bench.baseUrl);
  bench.temporary.push(sampleSite);
  bench.log(
    `Accessibility gate and pa11y-ci defaults on ${bench.sample.length} pages, ${bench.runs}× each…`,
  );
  const runs = await interleave(bench.runs, {
    gate: () => runGate(sampleSite, { cache: false }),
    pa11y: () => runPa11yCiDefaults(sampleSite),
  });
  bench.log(`Accessibility gate and pa11y-ci defaults on the real site, ${bench.runs}× each…`);
  const realRuns = await interleave(bench.runs, {
    gate: () => runGate(bench.realSite, { cache: false }),
    pa11y: () => runPa11yCiDefaults(bench.realSite),
  });
  const cacheDir = await mkdtemp(path.join(tmpdir(), "gw-bench-cache-"));
  bench.temporary.push(cacheDir);
  bench.log("Accessibility gate on the real site: filling its cache, then re-running…");
  await runGate(bench.realSite, { cache: true, cacheDir });
  const cached: A11yRun[] = [];
  for (let run = 0; run < bench.cachedRuns; run++) {
    cached.push(await runGate(bench.realSite, { cache: true, cacheDir }));
  }
  const gate = perPage(runs.gate);
  const pa11y = perPage(runs.pa11y);
  const phase = (name: keyof A11yRun["phases"]) =>
    round(median(runs.gate.map((run) => run.phases[name])), 2);
  return {
    samplePages: runs.gate[0]?.pages ?? 0,
    secondsPerPage: round(gate, 3),
    baselineSecondsPerPage: round(pa11y, 3),
    ratio: round(gate / pa11y, 3),
    runs: bench.runs,
    samplePassed: runs.gate.every((run) => run.passed),
    gatePhaseSeconds: { pa11y: phase("pa11y"), browser: phase("browser"), markup: phase("markup") },
    realSiteSecondsPerPage: round(perPage(realRuns.gate), 3),
    realSiteBaselineSecondsPerPage: round(perPage(realRuns.pa11y), 3),
    realSiteRatio: round(perPage(realRuns.gate) / perPage(realRuns.pa11y), 3),
    cachedRunSeconds: round(median(cached.map((run) => run.seconds)), 3),
    realSitePages: cached[0]?.pages ?? 0,
    cachedPages: Math.min(...cached.map((run) => run.fromCache)),
  };
}
