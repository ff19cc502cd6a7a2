// Module hooks for the test processes (registered in ./node-typescript.ts). A project copy's
// code module (`src/` outside the site folder) is loaded as the project's when it and every
// module it imports, directly or through others, are byte for byte the project's own: a build
// on a fresh copy then reuses the modules an earlier build in the same process loaded, instead
// of loading and evaluating them again under the copy's path (about 0.2 s of the 0.3 s such a
// build took in the tests' process). Pages, data and locales stay the copy's; so does a code
// module a test has changed, and every module that imports it, however indirectly: the
// project's `format.ts` would import the project's `languages.ts`, not the copy's edited one.
import { existsSync, readFileSync } from "node:fs";
import type { InitializeHook, ResolveHook } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What `register` passes: the project whose copies the tests make, and how their folders begin. */
export interface SharedCodeData {
  projectRoot: string;
  copyPrefix: string;
}

let projectRoot = "";
let copyModule: RegExp | undefined;

const bytesOf = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

// The specifiers of `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`.
// A match inside a comment only adds a module to compare, which never redirects wrongly.
const importSpecifier = /\bfrom\s*["']([^"'\n]+)["']|\bimport\s*\(?\s*["']([^"'\n]+)["']/g;

/** The file an import names, as tsx finds it: as written, `.js` read as `.ts`, or with `.ts` added. */
function importedFile(target: string): string {
  const candidates = [target, target.replace(/\.js$/, ".ts"), `${target}.ts`];
  return candidates.find((candidate) => existsSync(candidate)) ?? target;
}

/** The files a module's relative imports name (packages are shared through `node_modules`). */
function importedFiles(file: string, text: string): string[] {
  const files: string[] = [];
  for (const match of text.matchAll(importSpecifier)) {
    const specifier = match[1] ?? match[2] ?? "";
    if (specifier.startsWith("./") || specifier.startsWith("../")) {
      const target = path.resolve(path.dirname(file), specifier.split(/[?#]/)[0] ?? "");
      files.push(importedFile(target));
    }
  }
  return files;
}

/**
 * Whether a copy's file and everything it imports below it hold the project's bytes. Read on
 * every import, never remembered, so a module a test changes after a first build is the copy's
 * from then on. `seen` stops at modules already compared (import cycles, shared helpers).
 */
function unchangedBelow(copyRoot: string, copyFile: string, seen: Set<string>): boolean {
  if (seen.has(copyFile)) return true;
  seen.add(copyFile);
  const relative = path.relative(copyRoot, copyFile);
  // An import that leaves the copy has no counterpart in the project.
  if (relative.startsWith("..") || path.isAbsolute(relative)) return false;
  const copy = bytesOf(copyFile);
  const own = bytesOf(path.join(projectRoot, relative));
  if (copy === undefined || own === undefined) return copy === own;
  if (!copy.equals(own)) return false;
  return importedFiles(copyFile, copy.toString("utf8")).every((imported) =>
    unchangedBelow(copyRoot, imported, seen),
  );
}

/** Receives the project's folder from `register`. */
export const initialize: InitializeHook<SharedCodeData> = (data) => {
  projectRoot = data.projectRoot;
  const prefix = data.copyPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  copyModule = new RegExp(`^(.*/${prefix}[^/]+)/(src/(?!site/)[^?#]+\\.ts)$`);
};

/**
 * Resolves as Node and tsx do, then swaps a copy's code module for the project's when neither
 * it nor anything it imports differs from the project's.
 */
export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  if (copyModule === undefined || !resolved.url.startsWith("file:")) return resolved;
  const copyFile = fileURLToPath(resolved.url);
  const match = copyModule.exec(copyFile);
  if (match === null) return resolved;
  const [, copyRoot = "", relative = ""] = match;
  if (!unchangedBelow(copyRoot, copyFile, new Set())) return resolved;
  return { ...resolved, url: pathToFileURL(path.join(projectRoot, relative)).href };
};
