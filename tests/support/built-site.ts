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
  /** The stylesheet every page links, by its fingerprinted name (`assets/site.0123456789.css`). */
  stylesheet: string;
  read(relativeFile: string): Promise<string>;
}

let built: Promise<BuiltSite> | undefined;

function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** A built site in `outputDir`, with every HTML page read. */
export async function readBuiltSite(outputDir: string): Promise<BuiltSite> {
  const files = (await glob("**/*.html", { cwd: outputDir })).sort();
  const pages = await Promise.all(
    files.map(async (file) => ({
      url: urlOf(file),
      file,
      html: await readFile(path.join(outputDir, file), "utf8"),
    })),
  );
  const link = /<link rel="stylesheet" href="\/([^"]+)">/.exec(pages[0]?.html ?? "");
  if (link?.[1] === undefined) throw new Error("the built pages link no stylesheet");
  return {
    outputDir,
    pages,
    stylesheet: link[1],
    read: (relativeFile: string) => readFile(path.join(outputDir, relativeFile), "utf8"),
  };
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
    return readBuiltSite(realSite.outputDir);
  })();
  return built;
}
