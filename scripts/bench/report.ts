import { toolLanguage } from "../../src/lib/languages.ts";
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import type { TaskFigures } from "./measurements.ts";

/** The machine a benchmark ran on. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** When the benchmark started (ISO 8601). */
  date: string;
  /** 1-, 5- and 15-minute load averages at the start: other work on the machine slows every figure. */
  loadAverage: number[];
}

/** Describes the machine this process runs on. */
export function describeMachine(date: Date): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: date.toISOString(),
    loadAverage: loadavg().map((load) => round(load, 2)),
  };
}

/**
 * `reports/bench.json`. The keys are stable: scripts and the CI compare runs by them. A part
 * that was not measured (`--no-a11y`) keeps its keys with `null` values.
 */
export interface BenchReport {
  machine: Machine;
  options: { pagesPerLanguage: number; quick: boolean; a11ySample: number | null };
  build: {
    /** The project's build (`npm run build`), median wall-clock seconds. */
    seconds: number;
    /** Bare Eleventy on the same Markdown, median wall-clock seconds. */
    baselineSeconds: number;
    /** seconds / baselineSeconds. */
    ratio: number;
    cpuSeconds: number;
    baselineCpuSeconds: number;
    cpuRatio: number;
    peakRssMiB: number;
    baselinePeakRssMiB: number;
    /** Markdown pages in the synthetic site (both languages). */
    pages: number;
    runs: number;
  };
  serve: {
    /**
     * `npm start` on the synthetic site: median seconds from saving one German page to its
     * rebuilt file holding the new text.
     */
    incrementalSeconds: number;
    /** Seconds from starting `npm start` to the end of its first build. */
    firstBuildSeconds: number;
    runs: number;
  };
  duplicates: CheckFigures;
  i18n: CheckFigures;
  a11y: {
    /** Pages of the synthetic site checked per run (the sample plus the chooser and 404 pages). */
    samplePages: number | null;
    /** The gate without its cache, median seconds per page. */
    secondsPerPage: number | null;
    /** pa11y-ci with its default settings on the same pages, median seconds per page. */
    baselineSecondsPerPage: number | null;
    ratio: number | null;
    runs: number | null;
    /** Whether the gate passed every sampled page. */
    samplePassed: boolean | null;
    /** Median seconds of the gate's phases on the sample; pa11y-ci and the browser checks overlap. */
    gatePhaseSeconds: { pa11y: number; browser: number; markup: number } | null;
    /** The gate without its cache on the real site's pages, median seconds per page. */
    realSiteSecondsPerPage: number | null;
    /** pa11y-ci with its default settings on the real site's pages, median seconds per page. */
    realSiteBaselineSecondsPerPage: number | null;
    /** realSiteSecondsPerPage / realSiteBaselineSecondsPerPage. */
    realSiteRatio: number | null;
    /** The gate on the real site with every page in its cache, median seconds. */
    cachedRunSeconds: number | null;
    realSitePages: number | null;
    /** Pages the cached run took from its cache: all of them unless a page fails the gate. */
    cachedPages: number | null;
  };
  test: {
    /** `npm test` on the project, its caches emptied first as on a fresh clone, wall seconds. */
    seconds: number | null;
    exitCode: number | null;
    /** The load average (1, 5, 15 minutes) when it started: other work slows it. */
    loadAverage: number[] | null;
  };
  pageWeight: {
    /** The heaviest page of the real site: its HTML plus its stylesheets, gzipped, in bytes. */
    maxGzipBytes: number;
    heaviestPage: string;
    pages: number;
    /** JavaScript anywhere in the real site, in bytes. */
    jsBytes: number;
    /** Font files the real site's stylesheet declares, and their bytes together. */
    fontFiles: number;
    fontBytes: number;
    /** Every page of the real site with its HTML and stylesheet, gzipped, in bytes. */
    perPage: { page: string; gzipBytes: number }[];
  };
}

/** The accessibility part of a report that left it out (`--no-a11y`). */
export const notMeasured: BenchReport["a11y"] = {
  samplePages: null,
  secondsPerPage: null,
  baselineSecondsPerPage: null,
  ratio: null,
  runs: null,
  samplePassed: null,
  gatePhaseSeconds: null,
  realSiteSecondsPerPage: null,
  realSiteBaselineSecondsPerPage: null,
  realSiteRatio: null,
  cachedRunSeconds: null,
  realSitePages: null,
  cachedPages: null,
};

/** Figures of one check (duplicates, i18n), rounded for the report. */
export type CheckFigures = TaskFigures;

/** A target the figures are held to. */
export interface Target {
  /** The report key, e.g. `build.ratio`. */
  key: string;
  label: string;
  limit: number;
  /** `max`: the value must not exceed the limit; `below`: it must stay under it. */
  kind: "max" | "below";
  unit: string;
}

/** 14 KiB: what a server can send in the first round trip of a new connection. */
export const FIRST_ROUND_TRIP_BYTES = 14 * 1024;

/** 120 KiB: the most the site's fonts may weigh together. */
export const FONT_BYTES = 120 * 1024;

/** The project's performance targets (see BENCHMARKS.md). */
export const targets: readonly Target[] = [
  { key: "build.ratio", label: "Build time vs bare Eleventy", limit: 1.5, kind: "max", unit: "×" },
  {
    key: "serve.incrementalSeconds",
    label: "Rebuild of one saved page in npm start",
    limit: 1,
    kind: "below",
    unit: "s",
  },
  { key: "duplicates.seconds", label: "Duplicate check", limit: 2, kind: "below", unit: "s" },
  { key: "i18n.seconds", label: "Translation check", limit: 1, kind: "below", unit: "s" },
  {
    key: "a11y.secondsPerPage",
    label: "Accessibility gate, cold, per page",
    limit: 0.5,
    kind: "max",
    unit: "s",
  },
  {
    key: "a11y.cachedRunSeconds",
    label: "Accessibility gate, cached re-run of the real site",
    limit: 5,
    kind: "below",
    unit: "s",
  },
  {
    key: "pageWeight.maxGzipBytes",
    label: "Heaviest page with its CSS, gzipped",
    limit: FIRST_ROUND_TRIP_BYTES,
    kind: "below",
    unit: "B",
  },
  { key: "pageWeight.jsBytes", label: "JavaScript shipped", limit: 0, kind: "max", unit: "B" },
  { key: "pageWeight.fontFiles", label: "Font files", limit: 3, kind: "max", unit: "files" },
  {
    key: "pageWeight.fontBytes",
    label: "Fonts together",
    limit: FONT_BYTES,
    kind: "max",
    unit: "B",
  },
  { key: "test.seconds", label: "npm test, caches emptied", limit: 90, kind: "below", unit: "s" },
];

/** The value under a dotted key such as `build.ratio`, or null if it was not measured. */
export function valueAt(report: BenchReport, key: string): number | null {
  let value: unknown = report;
  for (const part of key.split(".")) {
    value =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof value === "number" ? value : null;
}

/** Whether a value meets its target; null when it was not measured. */
export function meets(target: Target, value: number | null): boolean | null {
  if (value === null) return null;
  return target.kind === "max" ? value <= target.limit : value < target.limit;
}

/** Rounds to a number of decimal places, for the report. */
export function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function formatValue(value: number | null, unit: string): string {
  if (value === null) return "not measured";
  if (unit === "B") return `${value.toLocaleString(toolLanguage)} B`;
  if (unit === "files") return `${value} ${value === 1 ? "file" : "files"}`;
  return unit === "×" ? `${value.toFixed(2)} ×` : `${value.toFixed(2)} s`;
}

/** The report as a Markdown table: every measure with its target and whether it is met. */
export function markdownTable(report: BenchReport): string {
  const rows = targets.map((target) => {
    const value = valueAt(report, target.key);
    const met = meets(target, value);
    const limit = `${target.kind === "max" ? "≤" : "<"} ${formatValue(target.limit, target.unit)}`;
    return `| ${target.label} (\`${target.key}\`) | ${formatValue(value, target.unit)} | ${limit} | ${met === null ? "–" : met ? "yes" : "**no**"} |`;
  });
  const { build, duplicates, i18n, a11y, pageWeight } = report;
  const details = [
    `| Build, project / bare Eleventy | ${build.seconds.toFixed(2)} s / ${build.baselineSeconds.toFixed(2)} s (CPU ${build.cpuSeconds.toFixed(2)} s / ${build.baselineCpuSeconds.toFixed(2)} s, ${build.cpuRatio.toFixed(2)} ×) | | |`,
    `| Build peak memory, project / bare Eleventy | ${build.peakRssMiB.toFixed(0)} MiB / ${build.baselinePeakRssMiB.toFixed(0)} MiB | | |`,
    `| Duplicate check peak memory | ${duplicates.peakRssMiB.toFixed(0)} MiB | | |`,
    `| Translation check peak memory | ${i18n.peakRssMiB.toFixed(0)} MiB | | |`,
    `| pa11y-ci defaults, per page | ${formatValue(a11y.baselineSecondsPerPage, "s")} (gate ${a11y.ratio === null ? "–" : `${a11y.ratio.toFixed(2)} ×`}) | | |`,
    `| Real site: gate / pa11y-ci defaults, per page | ${formatValue(a11y.realSiteSecondsPerPage, "s")} / ${formatValue(a11y.realSiteBaselineSecondsPerPage, "s")} (${a11y.realSiteRatio === null ? "–" : `${a11y.realSiteRatio.toFixed(2)} ×`}) | | |`,
    `| Gate phases on the sample: pa11y-ci / browser checks / html-validate | ${a11y.gatePhaseSeconds === null ? "not measured" : `${a11y.gatePhaseSeconds.pa11y.toFixed(1)} s / ${a11y.gatePhaseSeconds.browser.toFixed(1)} s / ${a11y.gatePhaseSeconds.markup.toFixed(1)} s`} | | |`,
    `| Heaviest page | ${pageWeight.heaviestPage} of ${pageWeight.pages} pages | | |`,
    // Every page of the real site: its HTML with the stylesheet, gzipped, against 14 KiB.
    ...pageWeight.perPage.map(
      ({ page, gzipBytes }) =>
        `| Page weight, ${page} | ${formatValue(gzipBytes, "B")} | < ${formatValue(FIRST_ROUND_TRIP_BYTES, "B")} | ${gzipBytes < FIRST_ROUND_TRIP_BYTES ? "yes" : "**no**"} |`,
    ),
  ];
  return [
    `Synthetic site: ${build.pages} Markdown pages; ${report.machine.cpus} CPUs, Node ${report.machine.node}, load ${report.machine.loadAverage.join(" ")}.`,
    "",
    "| Measure | Result | Target | Met |",
    "| --- | --- | --- | --- |",
    ...rows,
    ...details,
  ].join("\n");
}

/** Writes the report as JSON, creating its folder. */
export async function writeReport(file: string, report: BenchReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
