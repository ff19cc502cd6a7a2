import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import {
  CouldNotCheckError,
  gateReportSchema,
  UsageError,
  type Finding,
  type Gate,
} from "../gate.ts";
import { projectFolders } from "../../lib/project.ts";
import { criterionResults, loadCoverage, type CriterionResult } from "./coverage.ts";
import { siteProblems } from "./index.ts";
import { listSitePages } from "./pages.ts";
import { pageFactsSchema } from "./probes/types.ts";
import {
  coverageNotes,
  reportFolderWithoutScreenshots,
  SCREENSHOT_PATH,
  toFinding,
  undecidedNotes,
  type UndecidedItem,
} from "./gate.ts";

const detailsSchema = z.object({
  shard: z.object({ index: z.number().int(), total: z.number().int() }).nullable(),
  pages: z.array(
    z.object({
      path: z.string(),
      url: z.string(),
      status: z.enum(["passed", "failed", "error"]),
      facts: pageFactsSchema.nullable(),
    }),
  ),
  undecided: z
    .array(
      z.object({ url: z.string(), check: z.string(), selector: z.string(), message: z.string() }),
    )
    .default([]),
});

/** One shard's report.json, as read from its file. */
export interface ShardReport {
  /** Where it was read from, for messages. */
  file: string;
  report: unknown;
}

/** What merging the shards' reports found, for the merge job's own report. */
export interface MergedReports {
  /** The shards' findings (their screenshots named as in `screenshots`) and the merge's own. */
  findings: Finding[];
  /**
   * The shards' screenshots: each finding's picture, relative to its report folder (the same
   * in the merged report's), and the file it is in now, in its shard's report folder.
   */
  screenshots: Map<string, string>;
  pagesChecked: number;
  coverage: CriterionResult[];
  /** What the shards' checks could not decide, for a person. */
  undecided: UndecidedItem[];
}

/** A finding without a link to a picture. */
function withoutScreenshot(finding: Finding): Finding {
  const copy = { ...finding };
  delete copy.screenshot;
  return copy;
}

function mergeFinding(rule: string, message: string, url?: string): Finding {
  return {
    rule: `merge:${rule}`,
    severity: "error",
    message,
    ...(url === undefined ? {} : { url }),
  };
}

/**
 * Merges the JSON reports of the `total` shards of one gate run: their findings, plus a finding
 * for every shard that failed, could not check, is missing or came twice, every page of the
 * sitemap no shard checked, and what the cross-page probes (titles, menus, link names) find
 * across all shards' pages, which no single shard can see.
 */
export function mergeShardReports(
  shards: readonly ShardReport[],
  total: number,
  sitemap: readonly { path: string; url: string }[],
): MergedReports {
  const findings: Finding[] = [];
  const screenshots = new Map<string, string>();
  const undecided: UndecidedItem[] = [];
  const seen = new Map<number, string>();
  const pages = new Map<string, z.infer<typeof detailsSchema>["pages"][number]>();
  for (const { file, report } of shards) {
    const parsed = gateReportSchema.safeParse(report);
    const details = parsed.success ? detailsSchema.safeParse(parsed.data.details) : null;
    if (!parsed.success || details?.success !== true) {
      findings.push(
        mergeFinding("unreadable-report", `${file} is not a report of the accessibility gate.`),
      );
      continue;
    }
    const shard = details.data.shard;
    if (shard === null || shard.total !== total) {
      findings.push(
        mergeFinding(
          "wrong-shard",
          `${file} is ${shard === null ? "not a shard" : `shard ${shard.index}/${shard.total}`}; expected one of ${total} shards.`,
        ),
      );
      continue;
    }
    const earlier = seen.get(shard.index);
    if (earlier !== undefined) {
      findings.push(
        mergeFinding(
          "duplicate-shard",
          `${file} and ${earlier} are both shard ${shard.index}/${total}.`,
        ),
      );
      continue;
    }
    seen.set(shard.index, file);
    if (parsed.data.status !== "passed") {
      findings.push(
        mergeFinding(
          "shard-failed",
          `Shard ${shard.index}/${total} (${file}) ${parsed.data.status === "failed" ? "failed" : `could not check: ${parsed.data.problem ?? "no reason given"}`}.`,
        ),
      );
    }
    for (const finding of parsed.data.findings) {
      // Shards name their pictures by a hash of the content: equal names are equal pictures.
      // Any other name is no picture of the gate's, and is not followed out of the folder.
      if (finding.screenshot === undefined || !SCREENSHOT_PATH.test(finding.screenshot)) {
        findings.push(withoutScreenshot(finding));
        continue;
      }
      screenshots.set(finding.screenshot, resolve(dirname(file), finding.screenshot));
      findings.push(finding);
    }
    undecided.push(...details.data.undecided);
    for (const page of details.data.pages) pages.set(page.path, page);
  }
  for (let index = 1; index <= total; index++) {
    if (!seen.has(index)) {
      findings.push(
        mergeFinding(
          "missing-shard",
          `Shard ${index}/${total} sent no report: its pages went unchecked.`,
        ),
      );
    }
  }
  for (const page of sitemap) {
    const result = pages.get(page.path);
    if (result === undefined || result.status === "error") {
      findings.push(
        mergeFinding(
          "page-unchecked",
          `${page.path} is in the sitemap but ${result === undefined ? "no shard checked it" : "its shard could not check it"}.`,
          page.url,
        ),
      );
    }
  }
  const facts = [...pages.values()].flatMap((page) => (page.facts === null ? [] : [page.facts]));
  const urlOf = (path: string) => pages.get(path)?.url ?? path;
  findings.push(
    ...[...siteProblems(facts, urlOf).values()].flat().map((problem) => toFinding(problem)),
  );
  return {
    findings,
    screenshots,
    pagesChecked: [...pages.values()].filter((page) => page.status !== "error").length,
    coverage: criterionResults(
      loadCoverage(),
      findings.map((finding) => finding.rule),
      undecided.map((item) => item.check),
    ),
    undecided,
  };
}

/**
 * Copies the shards' screenshots into the merged report's folder, so that its report.html
 * links to pictures beside it, and returns the findings; a finding whose picture its shard
 * did not deliver loses the link rather than pointing nowhere.
 */
function withScreenshotsCopied(merged: MergedReports, projectRoot: string): Finding[] {
  const report = reportFolderWithoutScreenshots(projectRoot, MERGE_GATE);
  return merged.findings.map((finding) => {
    const from =
      finding.screenshot === undefined ? undefined : merged.screenshots.get(finding.screenshot);
    if (finding.screenshot === undefined || from === undefined) return finding;
    if (!existsSync(from)) return withoutScreenshot(finding);
    const to = join(report, finding.screenshot);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    return finding;
  });
}

/** The merge's name, and its report's folder in `reports/`. */
const MERGE_GATE = "a11y-merge";

/** Options of the merge: the site whose sitemap must be covered, the number of shards, the reports. */
export interface MergeOptions {
  siteDir: string;
  shards: number;
  files: string[];
}

/** The merge of a sharded run, as a gate of its own: npm run check:a11y:merge (CI's last job). */
export const a11yMergeGate: Gate<
  MergeOptions,
  { coverage: CriterionResult[]; undecided: UndecidedItem[] }
> = {
  name: MERGE_GATE,
  title: "Accessibility (all shards)",
  summary:
    "Merges the reports of the accessibility gate's shards and fails if a shard failed or is missing, or a page of the sitemap went unchecked.",
  usage: `Usage: tsx scripts/merge-a11y-reports.ts --shards N [--site DIR] REPORT.json...

  --shards N     how many shards the run had
  --site DIR     the built site whose sitemap every page must be checked from (default: ${projectFolders.output})`,
  options: { shards: { type: "string" }, site: { type: "string" } },
  allowPositionals: true,
  parse({ values, positionals }, projectRoot) {
    const shards = Number(values.shards);
    if (!Number.isInteger(shards) || shards < 1) {
      throw new UsageError(
        `--shards expects the number of shards, at least 1; got "${String(values.shards ?? "")}".`,
      );
    }
    if (positionals.length === 0) throw new UsageError("Name the shards' report.json files.");
    const site = typeof values.site === "string" ? values.site : projectFolders.output;
    return {
      siteDir: resolve(projectRoot, site),
      shards,
      files: positionals.map((file) => resolve(projectRoot, file)),
    };
  },
  run(options, context) {
    const sitemap = listSitePages(options.siteDir).filter((page) => page.inSitemap);
    const shards = options.files.map((file): ShardReport => {
      try {
        return { file, report: JSON.parse(readFileSync(file, "utf8")) as unknown };
      } catch (error) {
        throw new CouldNotCheckError(`${file} could not be read: ${(error as Error).message}`);
      }
    });
    const merged = mergeShardReports(shards, options.shards, sitemap);
    return Promise.resolve({
      findings: withScreenshotsCopied(merged, context.projectRoot),
      checked: { pages: merged.pagesChecked },
      notes: [...undecidedNotes(merged.undecided), ...coverageNotes(merged.coverage)],
      details: { coverage: merged.coverage, undecided: merged.undecided },
    });
  },
};
