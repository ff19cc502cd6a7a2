import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError } from "../lib/errors.ts";
import {
  collectCharacters,
  fontFacesOf,
  kernFontFile,
  subsetFontFile,
  subsetText,
} from "../lib/fonts.ts";
import { projectFolders } from "../lib/project.ts";

interface BuildResult {
  outputPath: string | false;
  content: string;
}

/**
 * Serves the fonts the stylesheet declares (`@font-face` in `src/styles/site.scss`) from the
 * site itself: each is KERN's Fira Sans file of that weight, subset to the characters the
 * built pages use, written to the address the stylesheet gives once the pages are rendered.
 * `npm start` rebuilds only the pages it must, so the characters of earlier builds are kept.
 */
export default function fontsPlugin(
  eleventyConfig: UserConfig,
  options: { projectRoot: string; css: string },
) {
  const faces = fontFacesOf(options.css).map((face) => {
    const file = kernFontFile(face, options.projectRoot);
    if (file === undefined) {
      throw new ContentError(
        `declares the font "${face.family}" ${face.weight} ${face.style}, which the KERN package does not ship; the site serves Fira Sans from KERN only`,
        { file: path.join(projectFolders.styles, "site.scss") },
      );
    }
    return { ...face, file };
  });
  const characters = new Set<string>();
  let written = "";
  eleventyConfig.on("eleventy.after", async ({ results }: { results: BuildResult[] }) => {
    const { output } = eleventyConfig.directories as { output: string };
    for (const result of results) {
      if (typeof result.outputPath === "string" && result.outputPath.endsWith(".html")) {
        collectCharacters(result.content, characters);
      }
    }
    const text = subsetText(characters);
    // An incremental rebuild that brought no new character leaves the fonts as they are.
    if (text === written) return;
    await Promise.all(
      faces.map(async (face) => {
        const target = path.join(output, decodeURIComponent(face.url));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, await subsetFontFile(face.file, text, options.projectRoot));
      }),
    );
    written = text;
  });
}
