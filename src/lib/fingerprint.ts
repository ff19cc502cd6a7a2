import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { inBatches } from "./batches.ts";
import { fontFacesOf } from "./fonts.ts";

/** How many hexadecimal digits of the content's SHA-256 a fingerprinted name carries. */
const fingerprintLength = 10;

/**
 * A URL path pattern (a regular expression's source) that matches the fingerprinted files of
 * `assets/`, and only those: a name, the fingerprint and the extension
 * (`/assets/site.0123456789.css`). The build refuses assets whose names look like it.
 */
export const fingerprintedAssetPattern = `^/assets/.+\\.[0-9a-f]{${fingerprintLength}}\\.[a-z0-9]+$`;

/** Whether a site path has the form of a fingerprinted asset (see `fingerprintedAssetPattern`). */
export function looksFingerprinted(sitePath: string): boolean {
  return new RegExp(fingerprintedAssetPattern).test(sitePath);
}

/**
 * A site path with the fingerprint of `bytes` before its extension:
 * `/assets/site.css` → `/assets/site.0123456789.css`. The same content always gets the same
 * name, and other content another, so a browser may keep the file under its name for good.
 */
export function fingerprintedPath(sitePath: string, bytes: Uint8Array | string): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, fingerprintLength);
  const extension = path.posix.extname(sitePath);
  return `${sitePath.slice(0, -extension.length)}.${hash}${extension}`;
}

/** Every `.html` file below `folder`, relative to it. */
async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

/**
 * Gives the stylesheet the build wrote at `stylesheetUrl` in `outputDir`, and the fonts it
 * declares, fingerprinted names (see `fingerprintedPath`), and points every reference at them:
 * the stylesheet's `@font-face` rules at the fonts, every page's `href="…"` at the stylesheet.
 * The fonts go first, since their names are part of the stylesheet's content. This runs once
 * every page is written, because the fonts are cut down to the characters the pages use.
 * Returns the stylesheet's new path.
 */
export async function fingerprintStylesheet(
  outputDir: string,
  stylesheetUrl: string,
): Promise<string> {
  const file = (sitePath: string) => path.join(outputDir, decodeURIComponent(sitePath));
  let css = await readFile(file(stylesheetUrl), "utf8");
  for (const url of new Set(fontFacesOf(css).map((face) => face.url))) {
    const renamed = fingerprintedPath(url, await readFile(file(url)));
    await rename(file(url), file(renamed));
    css = css.replaceAll(url, renamed);
  }
  const stylesheet = fingerprintedPath(stylesheetUrl, css);
  await writeFile(file(stylesheet), css);
  await rm(file(stylesheetUrl));
  const reference = `"${stylesheetUrl}"`;
  await inBatches(await htmlFiles(outputDir), async (page) => {
    const absolute = path.join(outputDir, page);
    const html = await readFile(absolute, "utf8");
    if (html.includes(reference)) {
      await writeFile(absolute, html.replaceAll(reference, `"${stylesheet}"`));
    }
  });
  return stylesheet;
}
