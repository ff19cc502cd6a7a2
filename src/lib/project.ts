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
} as const;

/** The project's root folder: two levels above this file. */
export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

/** A project folder as an absolute path under `root` (the project itself unless a copy is given). */
export function projectPath(folder: string, root: string = projectRoot): string {
  return path.join(root, folder);
}
