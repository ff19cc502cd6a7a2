import path from "node:path";

/**
 * The project's folders, relative to its root. This is the one module that knows where things
 * live; everything else asks it, so moving a folder is a change in one place.
 */
export const projectFolders = {
  /** Eleventy's input: pages, templates and assets only, no code. */
  site: "src/site",
  /** The stylesheet's Sass sources: KERN's parts and the site's layer. */
  styles: "src/styles",
  /** The TypeScript components that write the page frame's markup. */
  components: "src/components",
  /** Pages, one folder per language, under the site folder. */
  pages: (language: string) => `src/site/${language}`,
  /** Typed data modules. */
  data: "data",
  /** Interface text, one folder per language. */
  locales: "locales",
  /** The published site. */
  output: "_site",
  /** Reports the gates write. */
  reports: "reports",
  /** Caches the gates keep between runs. */
  cache: ".cache",
  /**
   * What the build derives from its inputs alone (the compiled stylesheet, the subset fonts):
   * beside the installed packages, so every copy that links the same `node_modules` shares it.
   */
  buildCache: "node_modules/.cache/gesundheitswirtschaft",
} as const;

/** Files the code names, relative to the project's root, each in its folder above. */
export const projectFiles = {
  /** A typed data module, e.g. `data/site.ts`. */
  dataModule: (name: string) => `${projectFolders.data}/${name}.ts`,
  /** A locale file, e.g. `locales/de/common.json`. */
  localeFile: (language: string, name: string) =>
    `${projectFolders.locales}/${language}/${name}.json`,
  /** Which source version each translated locale text was made from. */
  translationRecord: `${projectFolders.locales}/translated-from.json`,
  /** The translation memory (TMX). */
  translationMemory: `${projectFolders.locales}/translation-memory.tmx`,
} as const;

/**
 * What a copy of the project holds besides its sources: what `npm ci`, builds, checks and
 * editors leave behind. A copy for a test or the benchmark takes everything else at the top of
 * the project, so it never misses a file a build or a gate reads.
 */
export const generatedEntries: readonly string[] = [
  "node_modules",
  ".git",
  projectFolders.output,
  `${projectFolders.output}.*`,
  projectFolders.reports,
  projectFolders.cache,
];

/** The project's root folder: two levels above this file. */
export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

/** A project folder as an absolute path in the project at `root`, the project itself or a copy. */
export function projectPath(folder: string, root: string): string {
  return path.join(root, folder);
}
