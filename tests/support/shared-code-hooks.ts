// Module hooks for the test processes (registered in ./node-typescript.ts). A project copy's
// code module (`src/` outside the site folder) that is byte for byte the project's own is
// loaded as the project's: a build on a fresh copy then reuses the modules an earlier build in
// the same process loaded, instead of loading and evaluating them again under the copy's path
// (about 0.2 s of the 0.3 s such a build took in the tests' process). Pages, data and locales
// stay the copy's, and a code module a test has changed stays the copy's too.
import { readFileSync } from "node:fs";
import type { InitializeHook, ResolveHook } from "node:module";
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

/**
 * Whether two files hold the same bytes. Read on every import, never remembered, so a module a
 * test changes after a first build is the copy's from then on.
 */
function identical(copyFile: string, projectFile: string): boolean {
  const copy = bytesOf(copyFile);
  const own = bytesOf(projectFile);
  return copy !== undefined && own !== undefined && copy.equals(own);
}

/** Receives the project's folder from `register`. */
export const initialize: InitializeHook<SharedCodeData> = (data) => {
  projectRoot = data.projectRoot;
  const prefix = data.copyPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  copyModule = new RegExp(`^.*/${prefix}[^/]+/(src/(?!site/)[^?#]+\\.ts)$`);
};

/** Resolves as Node and tsx do, then swaps an unchanged copy's code module for the project's. */
export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  if (copyModule === undefined || !resolved.url.startsWith("file:")) return resolved;
  const match = copyModule.exec(fileURLToPath(resolved.url));
  if (match === null) return resolved;
  const [, relative = ""] = match;
  const projectFile = `${projectRoot}/${relative}`;
  if (!identical(fileURLToPath(resolved.url), projectFile)) return resolved;
  return { ...resolved, url: pathToFileURL(projectFile).href };
};
