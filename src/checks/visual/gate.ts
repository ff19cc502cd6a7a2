import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { globSync } from "tinyglobby";
import { projectFolders, projectPath } from "../../lib/project.ts";
import { pathOfHtmlFile } from "../a11y/pages.ts";
import { BrowserNotFoundError, findBrowser } from "../browser.ts";
import { CouldNotCheckError, type Finding, type Gate } from "../gate.ts";
import { compareScreenshots } from "./compare.ts";
import {
  formatShare,
  renderVisualReport,
  type ReportImage,
  type ShotResult,
  type VisualDetails,
} from "./report.ts";
import { takeScreenshots, type Screenshot } from "./screenshots.ts";
import { changeWindowTop, cropScreen } from "./thumbnail.ts";

/** The visual check's options, from the command line. */
export interface VisualOptions {
  siteDir: string;
  /** The screenshots of the last passing run. */
  baselineDir: string;
  /** Where the report and its images go (`reports/visual/`). */
  reportDir: string;
  /** Changed pages fail the run (exit 1) instead of only being reported. */
  strict: boolean;
  /** Leave the baseline as it is, even after a passing run (CI compares with main's run). */
  keepBaseline: boolean;
}

/** The gate's rule for a page that looks different from the last passing run. */
export const VISUAL_CHANGE_RULE = "visual-change";

/** Every built HTML page's path, sorted; refuses a missing site or one without pages. */
function sitePages(siteDir: string): string[] {
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    throw new CouldNotCheckError(
      `The built site folder "${siteDir}" does not exist. Build the site first (npm run build) or pass --site DIR.`,
    );
  }
  const pages = globSync("**/*.html", { cwd: siteDir }).map(pathOfHtmlFile).sort();
  if (pages.length === 0) {
    throw new CouldNotCheckError(
      `"${siteDir}" holds no HTML page, so there is nothing to look at.`,
    );
  }
  return pages;
}

/** The screenshots of the last passing run, by file name; none when there was none. */
async function readBaseline(baselineDir: string): Promise<Map<string, Buffer>> {
  const files = existsSync(baselineDir) ? await readdir(baselineDir) : [];
  const entries = await Promise.all(
    files
      .filter((file) => file.endsWith(".png"))
      .map(async (file) => [file, await readFile(path.join(baselineDir, file))] as const),
  );
  return new Map(entries);
}

/** Replaces the baseline with this run's screenshots, all at once. */
async function replaceBaseline(baselineDir: string, screenshots: readonly Screenshot[]) {
  const staging = `${baselineDir}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await Promise.all(
    screenshots.map((shot) => writeFile(path.join(staging, `${shot.name}.png`), shot.png)),
  );
  await rm(baselineDir, { recursive: true, force: true });
  await mkdir(path.dirname(baselineDir), { recursive: true });
  await rename(staging, baselineDir);
}

/**
 * `npm run check:visual`: a screenshot of every built page at 390 and 1280 px, compared with
 * the last passing run's, and `reports/visual/report.html` for reviewers with every page as a
 * thumbnail, the changed ones first with the difference marked and the share of pixels changed.
 * A change is a warning (it may be wanted: a reviewer decides), unless `--strict`; a page that
 * cannot be loaded is an error. A run that passes becomes the baseline for the next one.
 */
export const visualGate: Gate<VisualOptions, VisualDetails> = {
  name: "visual",
  title: "Visual check",
  summary:
    "Screenshots every built page at 390 and 1280 px in one Chromium and compares them with the last passing run.",
  usage: `Usage: npm run check:visual -- [options]

  --site DIR         built site to photograph (default: ${projectFolders.output})
  --baseline DIR     screenshots of the last passing run (default: ${projectFolders.cache}/visual/baseline)
  --strict           fail (exit 1) when a page changed, instead of only reporting it
  --keep-baseline    do not make this run's screenshots the baseline, even if it passes`,
  options: {
    site: { type: "string" },
    baseline: { type: "string" },
    strict: { type: "boolean" },
    "keep-baseline": { type: "boolean" },
  },
  parse({ values }, projectRoot) {
    const { site, baseline } = values;
    return {
      siteDir: path.resolve(projectRoot, typeof site === "string" ? site : projectFolders.output),
      baselineDir:
        typeof baseline === "string"
          ? path.resolve(projectRoot, baseline)
          : path.join(projectPath(projectFolders.cache, projectRoot), "visual", "baseline"),
      reportDir: path.join(projectPath(projectFolders.reports, projectRoot), "visual"),
      strict: values.strict === true,
      keepBaseline: values["keep-baseline"] === true,
    };
  },
  async run(options, context) {
    const pages = sitePages(options.siteDir);
    let browserPath: string;
    try {
      browserPath = findBrowser();
    } catch (error) {
      if (error instanceof BrowserNotFoundError) throw new CouldNotCheckError(error.message);
      throw error;
    }
    const baseline = await readBaseline(options.baselineDir);
    const { screenshots, failures } = await takeScreenshots(options.siteDir, pages, {
      browserPath,
      signal: context.signal,
      log: context.log,
    });

    const images = path.join(options.reportDir, "images");
    await rm(images, { recursive: true, force: true });
    await mkdir(images, { recursive: true });
    const write = async (file: string, png: Buffer) => {
      await writeFile(path.join(images, file), png);
      return `images/${file}`;
    };
    /** A screen of `png` from `top` as the thumbnail, and the whole page unless `thumbnailOnly`. */
    const picture = async (
      name: string,
      png: Buffer,
      screen: { top: number; height: number },
      thumbnailOnly = false,
    ): Promise<ReportImage> => {
      const crop = cropScreen(png, screen.top, screen.height);
      return {
        thumbnail: await write(`${name}.thumb.png`, crop.png),
        top: crop.top,
        full: thumbnailOnly ? null : await write(`${name}.png`, png),
      };
    };
    const findings: Finding[] = failures.map((failure) => ({
      rule: "page-load",
      severity: "error",
      url: failure.path,
      message: `The page could not be photographed: ${failure.message}.`,
    }));
    const shots: ShotResult[] = [];
    for (const shot of screenshots) {
      const place = { path: shot.path, width: shot.width };
      const firstScreen = { top: 0, height: shot.screenHeight };
      const before = baseline.get(`${shot.name}.png`);
      if (before === undefined) {
        shots.push({
          ...place,
          status: "new",
          share: null,
          images: {
            current: await picture(shot.name, shot.png, firstScreen),
            baseline: null,
            diff: null,
          },
        });
        continue;
      }
      const comparison = compareScreenshots(before, shot.png);
      if (comparison.diff === null) {
        shots.push({
          ...place,
          status: "unchanged",
          share: 0,
          images: {
            current: await picture(shot.name, shot.png, firstScreen, true),
            baseline: null,
            diff: null,
          },
        });
        continue;
      }
      // All three thumbnails show the same screen: the one where the change begins.
      const changed = {
        top: changeWindowTop(comparison.firstChangedRow, shot.screenHeight),
        height: shot.screenHeight,
      };
      shots.push({
        ...place,
        status: "changed",
        share: comparison.share,
        images: {
          current: await picture(shot.name, shot.png, changed),
          baseline: await picture(`${shot.name}.baseline`, before, changed),
          diff: await picture(`${shot.name}.diff`, comparison.diff, changed),
        },
      });
      const sizes =
        comparison.before.height === comparison.after.height
          ? ""
          : ` (its height went from ${comparison.before.height} to ${comparison.after.height} px)`;
      findings.push({
        rule: VISUAL_CHANGE_RULE,
        severity: "warning",
        url: shot.path,
        message: `At ${shot.width} px, ${formatShare(comparison.share)} of the pixels changed since the last passing run${sizes}; see ${path.relative(context.projectRoot, options.reportDir) || "."}/report.html.`,
      });
    }
    const taken = new Set(screenshots.map((shot) => `${shot.name}.png`));
    const removed = [...baseline.keys()].filter((file) => !taken.has(file)).sort();
    const passes = !findings.some((finding) => visualGate.fails?.(finding, options) ?? false);
    const baselineUpdated = passes && !options.keepBaseline && screenshots.length > 0;
    if (baselineUpdated) await replaceBaseline(options.baselineDir, screenshots);
    const compared = shots.filter((shot) => shot.status !== "new").length;
    return {
      findings,
      checked: {
        pages: new Set(screenshots.map((shot) => shot.path)).size,
        screenshots: screenshots.length,
      },
      notes: [
        baseline.size === 0
          ? `No earlier passing run in ${path.relative(context.projectRoot, options.baselineDir)}: every page is new.`
          : `Compared ${compared} screenshot(s) with the last passing run.`,
        ...(removed.length > 0 ? [`Gone since the last passing run: ${removed.join(", ")}.`] : []),
        ...(baselineUpdated ? ["These screenshots are now the baseline for the next run."] : []),
      ],
      details: {
        baseline:
          baseline.size === 0 ? null : path.relative(context.projectRoot, options.baselineDir),
        baselineUpdated,
        shots,
        removed,
      },
    };
  },
  fails: (finding, options) => finding.severity === "error" || options.strict,
  renderHtml: renderVisualReport,
};
