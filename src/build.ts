import { readFileSync } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadSiteData } from "./lib/data/load.ts";
import { describeContentError, errorChain, findContentError } from "./lib/errors.ts";
import { splitPage } from "./lib/front-matter.ts";
import {
  describePublishProblem,
  notPublishableLine,
  projectReadiness,
  type NotPublishableError,
} from "./lib/production.ts";
import { projectFolders, projectPath } from "./lib/project.ts";
import { markProductionBuild } from "./plugins/build-mode.ts";

/** Where and how to build. */
export interface BuildOptions {
  /** The project folder holding `.eleventy.ts`, `src/site/`, `data/` and `locales/`. */
  projectRoot: string;
  /** The folder the site is written to. */
  outputDir: string;
  /** Keep Eleventy's own progress and error output quiet (tests, scripted use). */
  quiet?: boolean;
  /** Build for publication: the site knows it (`production` in its data, see the site-data plugin). */
  production?: boolean;
}

/** Builds the site with Eleventy into `outputDir`, writing over what is there. */
export async function buildSite(options: BuildOptions): Promise<void> {
  const eleventy = new Eleventy(
    path.relative(process.cwd(), projectPath(projectFolders.site, options.projectRoot)) || ".",
    options.outputDir,
    {
      configPath: path.join(options.projectRoot, ".eleventy.ts"),
      quietMode: options.quiet ?? false,
      ...(options.production ? { config: markProductionBuild } : {}),
    },
  );
  if (options.quiet) {
    // Eleventy prints every error with its stack; the caller reports content errors itself.
    eleventy.disableLogger();
  }
  await eleventy.init();
  const copying = trackPassthroughCopy(eleventy);
  try {
    await eleventy.write();
  } catch (error) {
    // Eleventy 3.1.7 rejects on a page's error while its copy of the assets goes on; a caller
    // removing the output folder then would see the copy bring it back (measured: a failed
    // in-process build left `assets/` in its staging folder about one time in three).
    await copying.settled();
    throw error;
  }
}

/**
 * Remembers the file copies of Eleventy's passthrough copy, which its `write()` does not wait for
 * once a page has failed (nor can it: its `copyAll` waits for every page to be rendered).
 * `passthroughManager` is Eleventy's own (set by `init()`), untyped.
 */
function trackPassthroughCopy(eleventy: Eleventy): { settled(): Promise<void> } {
  const manager = (eleventy as unknown as { passthroughManager: PassthroughManager })
    .passthroughManager;
  const copyPassthrough = manager.copyPassthrough.bind(manager);
  const copies: Promise<unknown>[] = [];
  manager.copyPassthrough = (...args) => {
    const copy = copyPassthrough(...args);
    copies.push(copy);
    return copy;
  };
  return {
    settled: async () => {
      await Promise.allSettled(copies);
    },
  };
}

interface PassthroughManager {
  copyPassthrough(...args: unknown[]): Promise<unknown>;
}

/** Another build is publishing into the same folder. */
export class BuildLockedError extends Error {
  override name = "BuildLockedError";
}

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock file `lock`, created exclusively with this process's id in it. A lock left by
 * a process that no longer runs (a build that was killed) is taken over; a live one refuses.
 */
async function acquireLock(lock: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = Number.parseInt(await readFile(lock, "utf8").catch(() => ""), 10);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
      throw new BuildLockedError(
        `another build (process ${pid}) is publishing into ${path.basename(lock, ".lock")}/ right now: wait until it has finished, then build again (if no build is running, delete ${lock})`,
      );
    }
    await rm(lock, { force: true });
  }
  throw new BuildLockedError(
    `could not take the build lock ${lock}: another build keeps taking it`,
  );
}

/**
 * Builds into a staging folder beside `outputDir` and puts it in place only when the build
 * succeeded, so a failed build leaves the last good site untouched and complete. A lock file
 * beside the output (`<outputDir>.lock`) refuses a second build started while one runs, which
 * would otherwise empty the staging folder under the first.
 */
export async function publishSite(options: BuildOptions): Promise<void> {
  const output = path.resolve(options.outputDir);
  const lock = `${output}.lock`;
  await acquireLock(lock);
  try {
    await buildAndSwap(options, output);
  } finally {
    await rm(lock, { force: true });
  }
}

async function buildAndSwap(options: BuildOptions, output: string): Promise<void> {
  const staging = `${output}.staging`;
  const previous = `${output}.previous`;
  await rm(staging, { recursive: true, force: true });
  try {
    await buildSite({ ...options, outputDir: staging });
  } catch (error) {
    // Eleventy may still be writing other pages when one of them fails, so the folder can
    // gain files while it is removed; removing again then finds it empty.
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
  await rename(output, previous).catch((error: unknown) => {
    // The first build has no previous site to move aside.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  });
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
}

/** Where `runBuild` writes what it has to say. */
export interface BuildOutput {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** How `npm run build` builds. */
export interface RunBuildOptions {
  /**
   * `--production`: refuse to build while anything in `publishReadiness` stands in the way of
   * publishing (every problem listed at once), and let the site know it is the published one.
   */
  production?: boolean;
}

/**
 * `npm run build`: publishes the project's site into its `_site/` and tells the editor how it
 * went, naming the file at fault when it failed. A development build (the default) builds with
 * placeholders and says in one line why it is not publishable; a production build refuses
 * instead, listing every problem with its file and field (the configuration checks, see
 * `.eleventy.ts`). Returns the exit code (0 built, 1 not built).
 */
export async function runBuild(
  projectRoot: string,
  output: BuildOutput = { stdout: console.log, stderr: console.error },
  options: RunBuildOptions = {},
): Promise<number> {
  const outputDir = path.join(projectRoot, "_site");
  const started = performance.now();
  const production = options.production ?? false;
  try {
    await publishSite({ projectRoot, outputDir, quiet: true, production });
  } catch (error) {
    output.stderr(describeRefusal(error));
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.stdout(
    `Built the site${production ? " for publication" : ""} into ${path.relative(process.cwd(), outputDir) || "."}/ in ${seconds} s.`,
  );
  // The data passed every check of the build, so reading it again here is safe and quick.
  const readiness = projectReadiness(
    projectRoot,
    await loadSiteData(projectPath(projectFolders.data, projectRoot), projectRoot),
    process.env.SITE_URL,
  );
  if (production) {
    for (const warning of readiness.warnings) {
      output.stderr(`warning: ${describePublishProblem(warning)}`);
    }
  } else {
    const notPublishable = notPublishableLine(readiness);
    if (notPublishable !== undefined) output.stdout(notPublishable);
  }
  return 0;
}

/** What a refused build says: every problem standing in the way of publishing, or the build's error. */
function describeRefusal(error: unknown): string {
  const refusal = errorChain(error).find(
    (link): link is NotPublishableError => link.name === "NotPublishableError",
  );
  if (refusal === undefined) {
    return `The site was not built; the last good build in _site/ is unchanged.\n\n${describeBuildError(error)}`;
  }
  const { errors, warnings } = refusal.readiness;
  return [
    `The site was not built for publication; the last good build in _site/ is unchanged. ${errors.length} problem(s) to fix first:`,
    "",
    ...errors.map(describePublishProblem),
    ...warnings.map((warning) => `warning: ${describePublishProblem(warning)}`),
  ].join("\n");
}

/** The line a template's body starts on (after its front matter), or 1 if it cannot be read. */
function bodyLineOf(file: string): number {
  try {
    return splitPage(readFileSync(file, "utf8")).bodyLine;
  } catch {
    return 1;
  }
}

/** Turns a build failure into lines for an editor: the content error if there is one, else the error chain. */
export function describeBuildError(error: unknown): string {
  const contentError = findContentError(error, bodyLineOf);
  if (contentError !== undefined) return describeContentError(contentError);
  const messages = errorChain(error)
    .slice(0, 5)
    .map((link) => link.message);
  return messages.length > 0 ? messages.join("\n  caused by: ") : String(error);
}
