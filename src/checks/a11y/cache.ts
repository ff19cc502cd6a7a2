import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Parser } from "htmlparser2";
import { z } from "zod";
import { fileForPath } from "./pages.ts";
import { pageFactsSchema, type PageFacts } from "./probes/types.ts";
import type { SitePage } from "./types.ts";

const require = createRequire(import.meta.url);

const CACHE_VERSION = 2;

/**
 * The gate's own version: raise it whenever a check changes what it reports (a probe added or
 * changed, a rule mapped differently), so pages that passed the old checks are checked again.
 */
export const A11Y_GATE_VERSION = 1;

/** Packages whose versions change what the gate reports. */
const CHECKER_PACKAGES = ["pa11y", "axe-core", "html-validate"];
/** The gate's configuration files, relative to the project root. */
const CONFIG_FILES = [".pa11yci.cjs", ".htmlvalidate.cjs"];

function installedVersion(name: string): string {
  try {
    const manifest: unknown = JSON.parse(
      readFileSync(
        require.resolve(`${name}/package.json`, { paths: [require.resolve("pa11y-ci")] }),
        "utf8",
      ),
    );
    const parsed = z.object({ version: z.string() }).safeParse(manifest);
    return parsed.success ? parsed.data.version : "(no version)";
  } catch {
    return "(missing)";
  }
}

/**
 * A hash of everything besides the page that decides a page's result: the gate's version, the
 * installed versions of pa11y, axe-core and html-validate, and the contents of the
 * configuration files. It holds no file paths, so a moved or copied project keeps its cache.
 */
export function gateFingerprint(projectRoot: string): string {
  const hash = createHash("sha256").update(
    `a11y-gate v${A11Y_GATE_VERSION} cache v${CACHE_VERSION}\n`,
  );
  for (const name of CHECKER_PACKAGES) hash.update(`${name}@${installedVersion(name)}\n`);
  for (const name of CONFIG_FILES) {
    let content: Buffer | string;
    try {
      content = readFileSync(join(projectRoot, name));
    } catch {
      content = "(missing)";
    }
    hash.update(`${name}\n`).update(content).update("\n");
  }
  return hash.digest("hex");
}

/** Local URLs (paths) of the stylesheets and scripts a page loads, in document order. */
export function linkedAssets(html: string, pagePath: string): string[] {
  const base = new URL(pagePath, "http://site.invalid");
  const assets: string[] = [];
  const add = (reference: string | undefined) => {
    if (reference === undefined || reference.trim() === "") return;
    const url = new URL(reference.trim(), base);
    assets.push(url.origin === base.origin ? url.pathname : url.href);
  };
  const parser = new Parser({
    onopentag(name, attributes) {
      const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
      if (name === "link" && rel.includes("stylesheet")) add(attributes.href);
      if (name === "script") add(attributes.src);
    },
  });
  parser.end(html);
  return assets;
}

/** The @import targets of a stylesheet. */
export function cssImports(css: string): string[] {
  const pattern = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?/g;
  return [...css.matchAll(pattern)]
    .map((match) => match[1] ?? "")
    .filter((target) => target !== "");
}

/**
 * Hash of a page's inputs: its path, its HTML and every local stylesheet (with @imports) and
 * script it loads, under the gate fingerprint. Null when the page has no built file.
 */
export function pageHash(siteDir: string, page: SitePage, fingerprint: string): string | null {
  if (page.file === null) return null;
  const html = readFileSync(page.file);
  const hash = createHash("sha256").update(`${fingerprint}\n${page.path}\n`).update(html);
  const seen = new Set<string>();
  const pending = linkedAssets(html.toString("utf8"), page.path);
  while (pending.length > 0) {
    const asset = pending.shift() ?? "";
    if (seen.has(asset)) continue;
    seen.add(asset);
    const file = asset.startsWith("/") ? fileForPath(siteDir, asset) : null;
    const content = file === null ? Buffer.from("(not a local file)") : readFileSync(file);
    hash.update(`\n${asset}\n`).update(content);
    if (file?.endsWith(".css")) {
      const importer = new URL(asset, "http://site.invalid");
      pending.push(
        ...cssImports(content.toString("utf8")).map((target) => new URL(target, importer).pathname),
      );
    }
  }
  return hash.digest("hex");
}

const cacheSchema = z.object({
  version: z.literal(CACHE_VERSION),
  fingerprint: z.string(),
  passed: z.record(z.string(), z.object({ hash: z.string(), facts: pageFactsSchema })),
});

/** Pages known to pass: path → page hash, and what the cross-page probes need of the page. */
export type PassedPages = Record<string, { hash: string; facts: PageFacts }>;

/** Reads the passed pages recorded under this fingerprint; an unreadable or outdated cache is empty. */
export function readCache(file: string, fingerprint: string): PassedPages {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success && parsed.data.fingerprint === fingerprint ? parsed.data.passed : {};
  } catch {
    return {};
  }
}

/**
 * Records pages that passed (path → hash) and forgets pages that did not, keeping entries
 * written by other shards. Writes to a temporary file and renames it, so readers never see half a file.
 */
export function updateCache(
  file: string,
  fingerprint: string,
  passed: PassedPages,
  notPassed: readonly string[],
): void {
  const merged: PassedPages = { ...readCache(file, fingerprint), ...passed };
  for (const path of notPassed) Reflect.deleteProperty(merged, path);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(
    temporary,
    `${JSON.stringify({ version: CACHE_VERSION, fingerprint, passed: merged }, null, 1)}\n`,
  );
  renameSync(temporary, file);
}
