import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "htmlparser2";
import { z } from "zod";
import { fileForPath } from "./pages.ts";
import { ocrEngineVersion } from "./probes/ocr.ts";
import { pageFactsSchema, type PageFacts } from "./probes/types.ts";
import type { Problem, SitePage } from "./types.ts";

const require = createRequire(import.meta.url);

const CACHE_VERSION = 3;

/** The engine's module: the gate's code is it and every project module it imports. */
const GATE_ENTRY = fileURLToPath(new URL("./index.ts", import.meta.url));

/** Packages whose versions change what the gate reports. */
const CHECKER_PACKAGES = ["pa11y", "axe-core", "html-validate", "eld"];
/** The gate's configuration files, relative to the project root. */
const CONFIG_FILES = [".pa11yci.cjs", ".htmlvalidate.cjs"];

/** The version in a package's manifest, found from its entry point (some export no package.json). */
function installedVersion(name: string): string {
  try {
    let folder = dirname(
      require.resolve(name, { paths: [require.resolve("pa11y-ci"), GATE_ENTRY] }),
    );
    for (; folder !== dirname(folder); folder = dirname(folder)) {
      const file = join(folder, "package.json");
      if (!existsSync(file)) continue;
      const manifest = z
        .object({ name: z.string().optional(), version: z.string().optional() })
        .safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (manifest.success && manifest.data.name === name) return manifest.data.version ?? "?";
    }
  } catch {
    // not installed, or not loadable with require: fall through
  }
  return "(missing)";
}

// Static imports, re-exports and dynamic imports of project modules (relative paths).
const IMPORT_PATTERN = /\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

let codeHash: string | undefined;

/**
 * A hash of the gate's own code: the engine's module and every project module it imports,
 * directly or not, by their paths relative to the engine and their contents. Any change to a
 * probe, a rule's mapping or a helper gives a new hash, so pages that passed the old checks
 * are checked again.
 */
export function gateCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const files = new Set<string>();
  const pending = [GATE_ENTRY];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT_PATTERN)) {
      const target = resolve(dirname(file), match[1] ?? "");
      if (existsSync(target)) pending.push(target);
    }
  }
  const hash = createHash("sha256");
  for (const file of [...files].sort()) {
    hash
      .update(`${relative(dirname(GATE_ENTRY), file)}\n`)
      .update(readFileSync(file))
      .update("\n");
  }
  codeHash = hash.digest("hex");
  return codeHash;
}

/**
 * A hash of everything besides the page that decides a page's result: the gate's code, the
 * installed versions of pa11y, axe-core, html-validate, eld and the OCR engine, and the
 * contents of the configuration files. It holds no file paths, so a moved or copied project
 * keeps its cache.
 */
export function gateFingerprint(projectRoot: string): string {
  const hash = createHash("sha256").update(
    `a11y-gate ${gateCodeHash()} cache v${CACHE_VERSION} ${ocrEngineVersion()}\n`,
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

/**
 * Local URLs (paths) of what a page's rendering depends on besides its HTML, in document
 * order: stylesheets, scripts, images (sources, `srcset` candidates, posters) and what its own
 * styles refer to with `url()`.
 */
export function linkedAssets(html: string, pagePath: string): string[] {
  const base = new URL(pagePath, "http://site.invalid");
  const assets: string[] = [];
  const add = (reference: string | undefined) => {
    if (reference === undefined || reference.trim() === "" || reference.startsWith("data:")) {
      return;
    }
    const url = new URL(reference.trim(), base);
    assets.push(url.origin === base.origin ? url.pathname : url.href);
  };
  const addSet = (srcset: string | undefined) => {
    for (const candidate of (srcset ?? "").split(",")) add(candidate.trim().split(/\s+/)[0]);
  };
  let inStyle = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
      if (name === "link" && rel.includes("stylesheet")) add(attributes.href);
      if (name === "script") add(attributes.src);
      if (name === "img" || name === "input" || name === "source") {
        add(attributes.src);
        addSet(attributes.srcset);
      }
      if (name === "video") add(attributes.poster);
      for (const target of cssReferences(attributes.style ?? "")) add(target);
      inStyle = name === "style";
    },
    ontext(text) {
      if (inStyle) for (const target of cssReferences(text)) add(target);
    },
    onclosetag() {
      inStyle = false;
    },
  });
  parser.end(html);
  return assets;
}

/** What a stylesheet refers to: its @import targets and every other `url()` (images, fonts). */
export function cssReferences(css: string): string[] {
  const pattern = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?|url\(\s*["']?([^"')]+)["']?\s*\)/g;
  return [...css.matchAll(pattern)]
    .map((match) => (match[1] ?? match[2] ?? "").trim())
    .filter((target) => target !== "" && !target.startsWith("data:") && !target.startsWith("#"));
}

/**
 * Hash of a page's inputs: its path, its HTML and every local stylesheet (with what it refers
 * to), script and image it loads, under the gate fingerprint. Null when the page has no built
 * file.
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
        ...cssReferences(content.toString("utf8")).map(
          (target) => new URL(target, importer).pathname,
        ),
      );
    }
  }
  return hash.digest("hex");
}

const undecidedSchema = z.object({
  url: z.string(),
  runner: z.enum(["axe", "htmlcs", "probe", "html-validate", "gate"]),
  rule: z.string(),
  selector: z.string(),
  message: z.string(),
  context: z.string(),
  severity: z.enum(["error", "warning", "notice"]),
});

const cacheSchema = z.object({
  version: z.literal(CACHE_VERSION),
  fingerprint: z.string(),
  passed: z.record(
    z.string(),
    z.object({ hash: z.string(), facts: pageFactsSchema, undecided: z.array(undecidedSchema) }),
  ),
});

/**
 * Pages known to pass: path → page hash, what the cross-page probes need of the page, and
 * what no check could decide on it (reported again on every run until a person's fix changes
 * the page).
 */
export type PassedPages = Record<string, { hash: string; facts: PageFacts; undecided: Problem[] }>;

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
