import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveBaseUrl } from "../../src/lib/base-url.ts";
import { loadSiteData } from "../../src/lib/data/load.ts";
import { projectFolders } from "../../src/lib/project.ts";
import { measureAccessibility, samplePages } from "./a11y.ts";
import { generatePages } from "./generate.ts";
import { runWorker, timed } from "./measure.ts";
import { compareBuilds, measureCheck, type TaskFigures } from "./measurements.ts";
import { measurePageWeight } from "./page-weight.ts";
import { measureIncrementalRebuild } from "./serve.ts";
import { copyProject } from "../lib/project-copy.ts";
import { createBaselineCopy, writePages } from "./project-copy.ts";
import {
  describeMachine,
  notMeasured,
  round,
  type BenchReport,
  type CheckFigures,
} from "./report.ts";

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  pagesPerLanguage: number;
  quick: boolean;
  /** Measure the accessibility gate (it needs Chromium and takes minutes). */
  a11y: boolean;
  reportFile: string;
  /** Keep the temporary project copies, for a look at the synthetic site. */
  keep: boolean;
  /** Also time the whole `npm test` on the project (minutes). */
  tests: boolean;
}

/** How often each measurement is repeated, and how many pages the accessibility sample has. */
interface Repetitions {
  builds: number;
  /** Saves of one page in the dev server. */
  rebuilds: number;
  checks: number;
  a11y: number;
  a11ySample: number;
  cachedRuns: number;
}

const full: Repetitions = {
  builds: 3,
  rebuilds: 5,
  checks: 5,
  a11y: 3,
  a11ySample: 40,
  cachedRuns: 3,
};
const quick: Repetitions = {
  builds: 1,
  rebuilds: 3,
  checks: 1,
  a11y: 1,
  a11ySample: 2,
  cachedRuns: 1,
};

export const USAGE = `Usage: npm run bench -- [options]

Generates a synthetic bilingual site (a copy of the project with German and English pages
added) in a temporary folder and measures the build against bare Eleventy, the duplicate and
translation checks, the accessibility gate against pa11y-ci's defaults, and the real site's page
weight. Prints a Markdown table and writes reports/bench.json.

Options:
  --pages N       pages per language (default 2000; with --quick 100)
  --quick         a small run (under a minute): fewer repetitions, a tiny accessibility sample
  --no-a11y       leave out the accessibility gate
  --report FILE   where the JSON report goes (default reports/bench.json)
  --keep          keep the temporary project copies and print where they are
  --tests         also time npm test on the project, its caches (.cache/) emptied first
  -h, --help      show this text`;

/** A wrong command line. */
export class BenchUsageError extends Error {
  override name = "BenchUsageError";
}

/** Reads the command line; returns null for --help. Throws BenchUsageError for bad options. */
export function parseBenchArguments(
  argv: readonly string[],
  projectRoot: string,
): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        pages: { type: "string" },
        quick: { type: "boolean", default: false },
        "no-a11y": { type: "boolean", default: false },
        report: { type: "string" },
        keep: { type: "boolean", default: false },
        tests: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const pages = values.pages === undefined ? (values.quick ? 100 : 2000) : Number(values.pages);
  if (!Number.isInteger(pages) || pages < 2) {
    throw new BenchUsageError(
      `--pages expects a whole number of at least 2; got "${values.pages ?? ""}".`,
    );
  }
  return {
    pagesPerLanguage: pages,
    quick: values.quick,
    a11y: !values["no-a11y"],
    reportFile: path.resolve(values.report ?? path.join(projectRoot, "reports", "bench.json")),
    keep: values.keep,
    tests: values.tests,
  };
}

function checkFigures(figures: TaskFigures): CheckFigures {
  return {
    seconds: round(figures.seconds, 3),
    cpuSeconds: round(figures.cpuSeconds, 3),
    peakRssMiB: round(figures.peakRssMiB, 1),
    runs: figures.runs,
    exitCode: figures.exitCode,
    summary: figures.summary,
  };
}

/**
 * Times `npm test` on the project as on a fresh clone: its caches (types, lint, formatting, the
 * test site, the accessibility gate's) are emptied first. Its output goes to `log`'s stream.
 */
async function measureTests(
  projectRoot: string,
  log: (line: string) => void,
): Promise<BenchReport["test"]> {
  log("npm test on the project, its caches emptied first…");
  await rm(path.join(projectRoot, projectFolders.cache), { recursive: true, force: true });
  const loadAverage = loadavg().map((load) => round(load, 2));
  const { seconds, value } = await timed(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/test.ts"], {
          cwd: projectRoot,
          stdio: ["ignore", process.stderr, process.stderr],
        });
        child.on("error", reject);
        child.on("close", resolve);
      }),
  );
  return { seconds: round(seconds, 1), exitCode: value, loadAverage };
}

/** Runs every measurement and returns the report; `log` receives progress lines. */
export async function runBenchmark(
  projectRoot: string,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<BenchReport> {
  const machine = describeMachine(new Date());
  const repeat = options.quick ? quick : full;
  const data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
  const baseUrl = resolveBaseUrl(process.env.SITE_URL, data.site.defaultBaseUrl);
  const pages = generatePages(options.pagesPerLanguage, data.facts);
  const temporary: string[] = [];
  try {
    log(`Generating ${pages.length} pages and copying the project…`);
    const siteRoot = await copyProject(projectRoot, "gw-bench-site-");
    temporary.push(siteRoot);
    await writePages(siteRoot, pages);
    const bareRoot = await createBaselineCopy(pages, data.facts);
    temporary.push(bareRoot);
    const realRoot = await copyProject(projectRoot, "gw-bench-real-");
    temporary.push(realRoot);

    log(`Building ${repeat.builds}× with the project's configuration and with bare Eleventy…`);
    const builds = await compareBuilds(siteRoot, bareRoot, repeat.builds);
    const germanPage = pages.find((page) => page.language === "de");
    if (germanPage === undefined) throw new Error("the synthetic site has no German page");
    log(`Starting npm start and saving one German page ${repeat.rebuilds}×…`);
    const serve = await measureIncrementalRebuild(siteRoot, germanPage, repeat.rebuilds);
    log(`Duplicate check ${repeat.checks}×…`);
    const duplicates = await measureCheck("duplicates", siteRoot, repeat.checks);
    log(`Translation check ${repeat.checks}×…`);
    const i18n = await measureCheck("i18n", siteRoot, repeat.checks);

    log("Building the real site for its page weight…");
    const realBuild = await runWorker("build-project", realRoot);
    if (realBuild.exitCode !== 0)
      throw new Error(`the real site did not build:\n${realBuild.output}`);
    const realSite = path.join(realRoot, "_site");
    const weight = measurePageWeight(realSite);

    const a11y = options.a11y
      ? await measureAccessibility({
          syntheticSite: path.join(siteRoot, "_site"),
          realSite,
          sample: samplePages(pages, repeat.a11ySample),
          baseUrl,
          runs: repeat.a11y,
          cachedRuns: repeat.cachedRuns,
          temporary,
          log,
        })
      : notMeasured;

    const test = options.tests
      ? await measureTests(projectRoot, log)
      : { seconds: null, exitCode: null, loadAverage: null };

    return {
      machine,
      options: {
        pagesPerLanguage: options.pagesPerLanguage,
        quick: options.quick,
        a11ySample: options.a11y ? repeat.a11ySample : null,
      },
      build: {
        seconds: round(builds.project.seconds, 3),
        baselineSeconds: round(builds.bare.seconds, 3),
        ratio: round(builds.project.seconds / builds.bare.seconds, 3),
        cpuSeconds: round(builds.project.cpuSeconds, 3),
        baselineCpuSeconds: round(builds.bare.cpuSeconds, 3),
        cpuRatio: round(builds.project.cpuSeconds / builds.bare.cpuSeconds, 3),
        peakRssMiB: round(builds.project.peakRssMiB, 1),
        baselinePeakRssMiB: round(builds.bare.peakRssMiB, 1),
        pages: pages.length,
        runs: repeat.builds,
      },
      serve: {
        incrementalSeconds: round(serve.incrementalSeconds, 3),
        firstBuildSeconds: round(serve.firstBuildSeconds, 2),
        runs: serve.runs,
      },
      duplicates: checkFigures(duplicates),
      i18n: checkFigures(i18n),
      a11y,
      test,
      pageWeight: {
        maxGzipBytes: weight.maxGzipBytes,
        heaviestPage: weight.heaviestPage,
        pages: weight.pages,
        jsBytes: weight.jsBytes,
        fontFiles: weight.fontFiles,
        fontBytes: weight.fontBytes,
        perPage: weight.perPage,
      },
    };
  } finally {
    if (options.keep) log(`Kept: ${temporary.join(", ")}`);
    else await Promise.all(temporary.map((folder) => rm(folder, { recursive: true, force: true })));
  }
}
