import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { buildSite } from "../../src/build.ts";
import { projectRoot } from "./project.ts";
import { makeTempDir } from "./temp.ts";

/** A built page: its URL path and HTML. */
export interface BuiltFile {
  url: string;
  file: string;
  html: string;
}

/** The real site built once per test file, with every HTML page read. */
export interface BuiltSite {
  outputDir: string;
  pages: BuiltFile[];
  read(relativeFile: string): Promise<string>;
}

let built: Promise<BuiltSite> | undefined;

function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Builds the real project with Eleventy's programmatic API into a temporary folder, once. */
export function buildRealSite(): Promise<BuiltSite> {
  built ??= (async () => {
    const outputDir = await makeTempDir("gw-site-");
    await buildSite({ projectRoot, outputDir, quiet: true });
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
