import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { inject } from "vitest";

/** A built page: its URL path and HTML. */
export interface BuiltFile {
  url: string;
  file: string;
  html: string;
}

/** The real site, with every HTML page read. */
export interface BuiltSite {
  outputDir: string;
  pages: BuiltFile[];
  read(relativeFile: string): Promise<string>;
}

let built: Promise<BuiltSite> | undefined;

function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/**
 * The real project built with Eleventy's programmatic API, once for the whole test run
 * (tests/support/global-setup.ts), read once per worker. Test files only read it.
 */
export function buildRealSite(): Promise<BuiltSite> {
  built ??= (async () => {
    const realSite = inject("realSite");
    if ("error" in realSite)
      throw new Error(`the real site could not be built:\n${realSite.error}`);
    const { outputDir } = realSite;
    const files = (await glob("**/*.html", { cwd: outputDir })).sort();
    const pages = await Promise.all(
      files.map(async (file) => ({
        url: urlOf(file),
        file,
        html: await readFile(path.join(outputDir, file), "utf8"),
      })),
    );
    return {
      outputDir,
      pages,
      read: (relativeFile: string) => readFile(path.join(outputDir, relativeFile), "utf8"),
    };
  })();
  return built;
}
