import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError, formatLocation, type ContentLocation } from "../lib/errors.ts";
import { findBrokenLinks, type BrokenLink } from "../lib/links.ts";

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
 */
export default function linkCheckPlugin(
  eleventyConfig: UserConfig,
  options: { projectRoot: string; baseUrl: string },
) {
  eleventyConfig.on("eleventy.after", ({ results }: { results: BuildResult[] }) => {
    // The event's own `dir` holds the configured folders, not those of a programmatic build.
    const { output: outputDir } = eleventyConfig.directories as { output: string };
    const pages = results.flatMap((result) =>
      result.url !== false &&
      typeof result.outputPath === "string" &&
      result.outputPath.endsWith(".html")
        ? [{ url: result.url, inputPath: result.inputPath, html: result.content }]
        : [],
    );
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
    const broken = findBrokenLinks(pages, { baseUrl: options.baseUrl, fileExists });
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
