import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError, formatLocation, type ContentLocation } from "../lib/errors.ts";
import {
  findBrokenScannedLinks,
  scanPage,
  type BrokenLink,
  type ScannedPage,
} from "../lib/links.ts";

interface BuildResult {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: string;
}

/**
 * Where in its source file a broken link is written, when the link text appears there. Eleventy
 * gives input paths relative to the working folder; the message names them from the project.
 */
function locate(link: BrokenLink, projectRoot: string): ContentLocation {
  const absolute = path.resolve(link.inputPath);
  const file = path.relative(projectRoot, absolute);
  try {
    const lines = readFileSync(absolute, "utf8").split("\n");
    const index = lines.findIndex((line) => line.includes(link.href));
    return index === -1 ? { file } : { file, line: index + 1 };
  } catch {
    return { file };
  }
}

/**
 * Stops the build when a page links to a page, file or `#fragment` that was not built,
 * listing every broken link with the file (and line) it is written in.
 *
 * An incremental rebuild (`npm start`) hands over only the pages it rendered again, so the
 * scans of every page are kept from build to build, keyed by output file, and a rebuilt page's
 * scans replace those its source file made before: the other pages' links and ids still count.
 */
export default function linkCheckPlugin(
  eleventyConfig: UserConfig,
  options: { projectRoot: string; baseUrl: string },
) {
  const scanned = new Map<string, ScannedPage>();
  eleventyConfig.on("eleventy.after", ({ results }: { results: BuildResult[] }) => {
    // The event's own `dir` holds the configured folders, not those of a programmatic build.
    const { output: outputDir } = eleventyConfig.directories as { output: string };
    const rebuilt = new Set(results.map((result) => result.inputPath));
    for (const [outputPath, page] of scanned) {
      if (rebuilt.has(page.inputPath)) scanned.delete(outputPath);
    }
    for (const result of results) {
      if (
        result.url !== false &&
        typeof result.outputPath === "string" &&
        result.outputPath.endsWith(".html")
      ) {
        const page = { url: result.url, inputPath: result.inputPath, html: result.content };
        scanned.set(result.outputPath, scanPage(page, options.baseUrl));
      }
    }
    // Every page links the same stylesheet and icon: each file is looked up once.
    const files = new Map<string, boolean>();
    const fileExists = (pathname: string) => {
      let exists = files.get(pathname);
      if (exists === undefined) {
        exists = existsSync(path.join(outputDir, decodeURIComponent(pathname)));
        files.set(pathname, exists);
      }
      return exists;
    };
    const broken = findBrokenScannedLinks(scanned.values(), fileExists);
    const [first] = broken;
    if (first === undefined) return;
    const lines = broken.map(
      (link) =>
        `  ${formatLocation(locate(link, options.projectRoot))}: the link "${link.href}" ${link.problem}`,
    );
    throw new ContentError(
      `${broken.length} broken link(s):\n${lines.join("\n")}`,
      locate(first, options.projectRoot),
    );
  });
}
