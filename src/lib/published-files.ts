import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ContentError, formatLocation } from "./errors.ts";
import { openDataFiles, openDataPath } from "./open-data/files.ts";
import { frontMatterLine } from "./pages.ts";
import { checkAsset, xmlRenderedPart } from "./passive-files.ts";
import { decodeUtf8 } from "./source-files.ts";

/**
 * The files the site publishes outside `assets/` and its open data, by extension, with the
 * media type servers send them with: its pages, and the sitemap and robots file for crawlers.
 */
export const siteFileTypes: Readonly<Record<string, string>> = {
  html: "text/html",
  xml: "application/xml",
  txt: "text/plain",
};

/**
 * The name of the page a server shows for an address that does not exist: in each language
 * folder, and at the site's root for addresses outside them (the only one GitHub Pages uses).
 */
export const notFoundPage = "404.html";

/**
 * Files for the static host rather than for readers (`_headers`, read by Netlify and Cloudflare
 * Pages): published, never served.
 */
export const hostFiles: readonly string[] = ["_headers"];

/** A file written by the build: its path in the output folder (with forward slashes), and its bytes. */
interface PublishedFile {
  relative: string;
  read: () => Uint8Array;
}

/**
 * Why a file of the built site may not be published, or undefined when it may. Only passive
 * files are: nothing hidden; under `assets/` only the types `checkAsset` allows (which see);
 * elsewhere pages (`.html`, which the gates check), the open-data files, the host files, and
 * text and XML files that no browser renders as a document (see `xmlRenderedPart`).
 */
function publishedFileProblem(file: PublishedFile, shownAs: string): ContentError | undefined {
  const { relative, read } = file;
  const hidden = relative.split("/").find((part) => part.startsWith("."));
  if (hidden !== undefined) {
    return new ContentError(
      `is hidden ("${hidden}" starts with a dot): nothing hidden is published`,
      { file: shownAs },
    );
  }
  if (relative.startsWith("assets/")) {
    try {
      checkAsset(shownAs, read(), decodeUtf8);
      return undefined;
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
  }
  const openData = openDataFiles.map((entry) => openDataPath(entry).slice(1));
  if (openData.includes(relative) || hostFiles.includes(relative)) return undefined;
  const extension = path.posix.extname(relative).slice(1);
  if (extension === "html" || extension === "txt") return undefined;
  if (extension === "xml") {
    const rendered = xmlRenderedPart(decodeUtf8(read(), shownAs));
    if (rendered === undefined) return undefined;
    return new ContentError(
      `holds ${rendered.what}: a browser renders such a file as a document, where script can run, but only pages (.html) are documents, which the gates check`,
      { file: shownAs, line: rendered.line },
    );
  }
  return new ContentError(
    `is not a file the site publishes: pages are .html files, files for crawlers .xml or .txt (${Object.keys(siteFileTypes).join(", ")}), and files published as they are go in assets/`,
    { file: shownAs },
  );
}

/** Every file below `folder`, relative to it with forward slashes, sorted. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/**
 * Checks every file the build wrote into `outputDir` before it is published (see
 * `publishedFileProblem`): whatever produced it (a page, a template, a plugin, a copied
 * asset), nothing active reaches readers. `shownAs` is the output folder's name in messages
 * (`_site`); `producers` names the template that wrote a file (relative to `projectRoot`), by
 * the file's path in the output folder, so that the message points to the template and the
 * line of its `permalink`. Throws a `ContentError` for the first file that may not be published.
 */
export async function checkPublishedFiles(
  outputDir: string,
  shownAs: string,
  producers: ReadonlyMap<string, string> = new Map(),
  projectRoot = ".",
): Promise<void> {
  for (const relative of await filesBelow(outputDir)) {
    // Read only when the check needs the content (assets, XML): a page is known by its name.
    const read = () => readFileSync(path.join(outputDir, relative));
    const problem = publishedFileProblem({ relative, read }, `${shownAs}/${relative}`);
    if (problem === undefined) continue;
    const producer = producers.get(relative);
    if (producer === undefined) throw problem;
    const text = await readFile(path.join(projectRoot, producer), "utf8").catch(() => "");
    const line = frontMatterLine(text, "permalink");
    throw new ContentError(
      `writes ${formatLocation(problem.location)}, which ${problem.message}; give the template another "permalink"`,
      { file: producer, ...(line === undefined ? {} : { line }), key: "permalink" },
    );
  }
}
