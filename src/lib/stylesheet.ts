import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postcss, { type AtRule, type Root } from "postcss";
import { globSync } from "tinyglobby";
import { cached, hashOf } from "./build-cache.ts";
import { ContentError } from "./errors.ts";
import { projectFolders, projectPath } from "./project.ts";

/** The stylesheet's address on the site, which every page links (fingerprinted by the build). */
export const stylesheetUrl = "/assets/site.css";

/** The two Sass entry points, in `src/styles/`: KERN's parts and the site's own layer. */
export const stylesheetSources = { kern: "kern.scss", layer: "site.scss" } as const;

/** The site's stylesheet and the two compiles it was made from. */
export interface Stylesheet {
  /** What `/assets/site.css` serves: KERN's part, then the layer, with what no page needs dropped. */
  css: string;
  /** KERN's part as Sass compiled it, before anything was dropped. */
  kern: string;
  /** The site's layer as Sass compiled it. */
  layer: string;
}

/** A Sass error as an editor's error: the `.scss` file (relative to the project), line and column. */
function sassError(
  sass: typeof import("sass"),
  error: unknown,
  projectRoot: string,
  entry: string,
): Error {
  if (!(error instanceof sass.Exception)) return error as Error;
  const { span } = error;
  const file =
    span.url === undefined || span.url.protocol !== "file:"
      ? entry
      : path.relative(projectRoot, fileURLToPath(span.url));
  return new ContentError(`the stylesheet does not compile: ${error.sassMessage}`, {
    file,
    line: span.start.line + 1,
    column: span.start.column + 1,
  });
}

/** Sass's results for the two entry points. */
interface Compiled {
  kern: string;
  layer: string;
}

/** Every file the Sass compile reads: the two entry points and KERN's sources. */
function sassInputs(stylesDir: string, projectRoot: string): string[] {
  const kernSources = path.join(projectRoot, "node_modules", "@kern-ux", "native", "src", "scss");
  return [
    ...globSync("*.scss", { cwd: stylesDir, absolute: true }),
    ...globSync("**/*.scss", { cwd: kernSources, absolute: true }),
  ].sort();
}

async function compileSass(stylesDir: string, projectRoot: string): Promise<Compiled> {
  // Loaded only when the cache misses: the compiler alone takes about half a second to load.
  const sass = await import("sass");
  const compile = (entry: string) => {
    const file = path.join(stylesDir, entry);
    try {
      return sass.compile(file, {
        style: "compressed",
        loadPaths: [path.join(projectRoot, "node_modules")],
        // KERN's own sources use Sass features the compiler warns about; those are KERN's to fix.
        quietDeps: true,
        charset: false,
      }).css;
    } catch (error) {
      throw sassError(sass, error, projectRoot, path.relative(projectRoot, file));
    }
  };
  return { kern: compile(stylesheetSources.kern), layer: compile(stylesheetSources.layer) };
}

/** KERN's classes (`kern-table__header`, `kern-alert--info`) named in markup sources. */
export function kernClassesIn(sources: readonly string[]): Set<string> {
  const classes = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/\bkern-[a-z0-9]+(?:(?:-{1,2}|__)[a-z0-9]+)*/g)) {
      classes.add(match[0]);
    }
  }
  return classes;
}

/**
 * The KERN classes a selector needs in the page, leaving out the arguments of `:is()`,
 * `:where()` and `:not()`, which name alternatives or absences.
 */
export function requiredKernClasses(selector: string): string[] {
  let plain = selector;
  for (let previous = ""; previous !== plain;) {
    previous = plain;
    plain = plain.replace(/:(?:is|where|not)\([^()]*\)/g, "");
  }
  return [...plain.matchAll(/\.(kern-[\w-]+)/g)].map((match) => match[1] ?? "");
}

/** A media query or selector of KERN's theme switch by colour scheme (see `src/styles/site.scss`). */
function isColourSchemeQuery(params: string): boolean {
  return /prefers-color-scheme/.test(params);
}

const customPropertyUse = /var\(\s*(--[\w-]+)/g;

/**
 * Drops from the compiled CSS what no page can use:
 * - selectors naming a KERN class that no markup source names (`markupClasses`), such as
 *   KERN's dark theme (`.kern-dark`), its colour levels and the variants the site does not use;
 * - KERN's choice of theme by the reader's colour scheme: the site always uses the light theme
 *   (`data-kern-theme="light"` on `<html>`), so the dark one is never applied;
 * - every custom property (design token) that no declaration reads, directly or through other
 *   tokens: KERN declares its whole palette and type scale, the site reads a small part of it;
 * - rules left empty.
 */
export function dropUnused(root: Root, markupClasses: ReadonlySet<string>): void {
  root.walkAtRules((rule) => {
    if (rule.name === "media" && isColourSchemeQuery(rule.params)) rule.remove();
  });
  root.walkRules((rule) => {
    if (rule.parent?.type === "atrule" && (rule.parent as AtRule).name === "keyframes") return;
    const kept = rule.selectors.filter(
      (selector) =>
        !/data-kern-theme=["']?dark/.test(selector) &&
        requiredKernClasses(selector).every((name) => markupClasses.has(name)),
    );
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  // Which tokens each token reads, and which tokens plain declarations read.
  const reads = new Map<string, Set<string>>();
  const needed = new Set<string>();
  root.walkDecls((declaration) => {
    const used = [...declaration.value.matchAll(customPropertyUse)].map((match) => match[1] ?? "");
    if (declaration.prop.startsWith("--")) {
      const set = reads.get(declaration.prop) ?? new Set<string>();
      for (const name of used) set.add(name);
      reads.set(declaration.prop, set);
    } else {
      for (const name of used) needed.add(name);
    }
  });
  const pending = [...needed];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const read of reads.get(name) ?? []) {
      if (!needed.has(read)) {
        needed.add(read);
        pending.push(read);
      }
    }
  }
  root.walkDecls((declaration) => {
    if (declaration.prop.startsWith("--") && !needed.has(declaration.prop)) declaration.remove();
  });
  let removed = true;
  while (removed) {
    removed = false;
    root.walk((node) => {
      if ((node.type === "rule" || node.type === "atrule") && node.nodes?.length === 0) {
        node.remove();
        removed = true;
      }
    });
  }
}

const decoder = new TextDecoder();

/**
 * The texts that write the pages' markup, where the KERN classes the site uses are named: the
 * components and the Nunjucks templates. Write KERN classes out in full there (never built up
 * from parts), or the stylesheet drops their rules.
 */
export function markupSources(projectRoot: string): string[] {
  return [
    ...globSync("**/*.ts", { cwd: projectPath(projectFolders.components, projectRoot) }).map(
      (file) => path.join(projectFolders.components, file),
    ),
    ...globSync("_includes/**/*.njk", { cwd: projectPath(projectFolders.site, projectRoot) }).map(
      (file) => path.join(projectFolders.site, file),
    ),
  ]
    .sort()
    .map((file) => readFileSync(path.join(projectRoot, file), "utf8"));
}

/**
 * Compiles the site's stylesheet from `src/styles/`: KERN's parts (`kern.scss`) from KERN's
 * Sass sources, then the site's layer (`site.scss`), and drops what no page uses (see
 * `dropUnused` and `markupSources`). Sass's results are cached by the hash of every file it reads; a Sass error
 * stops the build with the file, line and column.
 */
export async function compileStylesheet(projectRoot: string): Promise<Stylesheet> {
  const stylesDir = projectPath(projectFolders.styles, projectRoot);
  const inputs = sassInputs(stylesDir, projectRoot);
  // The compiler's version: its package's manifest, which its exports do not offer for import.
  const sassManifest = readFileSync(path.join(projectRoot, "node_modules", "sass", "package.json"));
  const key = hashOf([
    sassManifest,
    ...inputs.flatMap((file) => [path.relative(projectRoot, file), readFileSync(file)]),
  ]);
  const bytes = await cached(projectRoot, "stylesheet", `${key}.json`, async () =>
    new TextEncoder().encode(JSON.stringify(await compileSass(stylesDir, projectRoot))),
  );
  const { kern, layer } = JSON.parse(decoder.decode(bytes)) as Compiled;
  const root = postcss.parse(`${kern}\n${layer}`);
  dropUnused(root, kernClassesIn(markupSources(projectRoot)));
  return { css: `${root.toString().trim()}\n`, kern, layer };
}
