import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { resolveBaseUrl } from "../../src/lib/base-url.ts";
import { loadSiteData } from "../../src/lib/data/load.ts";
import { sourceLanguage } from "../../src/lib/languages.ts";
import {
  CouldNotCheckError,
  UsageError,
  type Command,
  type ParsedArguments,
} from "../../src/checks/gate.ts";
import { projectFolders, projectPath } from "../../src/lib/project.ts";
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
  markdownTable,
  notMeasured,
  round,
  writeReport,
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

/** What the benchmark's `--help` says about it and its options. */
const usage = `Usage: npm run bench -- [options]

Generates a synthetic site (a copy of the project with pages in each of its languages
added) in a temporary folder and measures the build against bare Eleventy, the duplicate and
translation checks, the accessibility gate against pa11y-ci's defaults, and the real site's page
weight. Prints a Markdown table and writes ${projectFolders.reports}/bench.json.

Options:
  --pages N       pages per language (default 2000; with --quick 100)
  --quick         a small run (under a minute): fewer repetitions, a tiny accessibility sample
  --no-a11y       leave out the accessibility gate
  --report FILE   where the JSON report goes (default ${projectFolders.reports}/bench.json)
  --keep          keep the temporary project copies and print where they are
  --tests         also time npm test on the project, its caches (${projectFolders.cache}/) emptied first`;

/** Reads the benchmark's command line; a wrong one is a `UsageError`, as for every command. */
export function parseBenchArguments(args: ParsedArguments, projectRoot: string): BenchOptions {
  const { values } = args;
  const quickRun = values.quick === true;
  const given = typeof values.pages === "string" ? values.pages : undefined;
  const pages = given === undefined ? (quickRun ? 100 : 2000) : Number(given);
  if (!Number.isInteger(pages) || pages < 2) {
    throw new UsageError(`--pages expects a whole number of at least 2; got "${given ?? ""}".`);
  }
  const report = typeof values.report === "string" ? values.report : undefined;
  return {
    pagesPerLanguage: pages,
    quick: quickRun,
    a11y: values["no-a11y"] !== true,
    reportFile: path.resolve(
      projectRoot,
      report ?? path.join(projectPath(projectFolders.reports, projectRoot), "bench.json"),
    ),
    keep: values.keep === true,
    tests: values.tests === true,
  };
}

/**
 * `npm run bench` on the project's one command harness: the gates' `--help`, `--debug`, usage
 * errors and exit codes (0 measured, 2 could not measure: a wrong command line, a build or
 * check of the synthetic site that failed). Progress goes to stderr, the table to stdout.
 */
export const benchCommand: Command<BenchOptions> = {
  name: "bench",
  title: "Benchmark",
  summary: "Measures the pipeline's speed on a synthetic site, against bare Eleventy and pa11y-ci.",
  usage,
  options: {
    pages: { type: "string" },
    quick: { type: "boolean" },
    "no-a11y": { type: "boolean" },
    report: { type: "string" },
    keep: { type: "boolean" },
    tests: { type: "boolean" },
  },
  parse: parseBenchArguments,
  async run(options, context) {
    const report = await runBenchmark(context.projectRoot, options, context.log);
    await writeReport(options.reportFile, report);
    return {
      exitCode: 0,
      lines: [
        markdownTable(report),
        "",
        `Report: ${path.relative(process.cwd(), options.reportFile)}`,
      ],
    };
  },
};

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
  await rm(projectPath(projectFolders.cache, projectRoot), { recursive: true, force: true });
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
  const data = await loadSiteData(projectPath(projectFolders.data, projectRoot), projectRoot);
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
    const sourcePage = pages.find((page) => page.language === sourceLanguage);
    if (sourcePage === undefined) {
      throw new CouldNotCheckError("the synthetic site has no page in the source language");
    }
    log(`Starting npm start and saving one page in the source language ${repeat.rebuilds}×…`);
    const serve = await measureIncrementalRebuild(siteRoot, sourcePage, repeat.rebuilds);
    log(`Duplicate check ${repeat.checks}×…`);
    const duplicates = await measureCheck("duplicates", siteRoot, repeat.checks);
    log(`Translation check ${repeat.checks}×…`);
    const i18n = await measureCheck("i18n", siteRoot, repeat.checks);

    log("Building the real site for its page weight…");
    const realBuild = await runWorker("build-project", realRoot);
    if (realBuild.exitCode !== 0)
      throw new CouldNotCheckError(`the real site did not build:\n${realBuild.output}`);
    const realSite = projectPath(projectFolders.output, realRoot);
    const weight = measurePageWeight(realSite);

    const a11y = options.a11y
      ? await measureAccessibility({
          syntheticSite: projectPath(projectFolders.output, siteRoot),
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
