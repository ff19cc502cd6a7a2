import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { BuildClock, BuildTimeLimitError, withBuildClock } from "./lib/build-clock.ts";
import { loadSiteData } from "./lib/data/load.ts";
import { describeContentError, errorChain, findContentError } from "./lib/errors.ts";
import { splitPage } from "./lib/front-matter.ts";
import { acquireLock, LockError } from "./lib/lock-file.ts";
import { fingerprintStylesheet } from "./lib/fingerprint.ts";
import { createTranslator, loadLocales } from "./lib/i18n.ts";
import {
  describePublishProblem,
  NotPublishableError,
  notPublishableLine,
  projectReadiness,
  publishedPlaceholderProblems,
} from "./lib/production.ts";
import { projectFolders, projectPath } from "./lib/project.ts";
import { checkPublishedFiles } from "./lib/published-files.ts";
import { placeholderMarkers } from "./lib/publisher.ts";
import { stylesheetUrl } from "./lib/stylesheet.ts";
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
  /** The longest the build may take, in milliseconds (default `defaultTimeLimitMs`). */
  timeLimitMs?: number;
  /** How messages name the output folder (default: its own name; a staging folder's final one). */
  publishedAs?: string;
}

/** How long a build may take unless told otherwise: ten minutes. */
export const defaultTimeLimitMs = 10 * 60 * 1000;

/**
 * Builds the site with Eleventy into `outputDir`, writing over what is there, within its time
 * limit: past it, the build stops at the next page (or, between pages, at once) with a
 * `BuildTimeLimitError` naming the slowest pages. Eleventy cannot be stopped from outside, so
 * after the limit it may still be busy for a while: a program that stops there should exit, as
 * `npm run build` does.
 */
export async function buildSite(options: BuildOptions): Promise<void> {
  const clock = new BuildClock(options.timeLimitMs ?? defaultTimeLimitMs);
  let timer: NodeJS.Timeout | undefined;
  const overtime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(clock.limitError());
    }, clock.remainingMs());
  });
  const build = async () => {
    await finishSite(options, await runEleventy(options));
  };
  try {
    await Promise.race([withBuildClock(clock, build), overtime]);
  } finally {
    clearTimeout(timer);
  }
}

/** A template Eleventy wrote, as its `write()` reports it (paths relative to the working folder). */
interface WrittenTemplate {
  inputPath: string;
  outputPath: string | false;
}

/**
 * Runs Eleventy; returns which template wrote each file, by the file's path in the output
 * folder and the template's in the project.
 */
async function runEleventy(options: BuildOptions): Promise<Map<string, string>> {
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
  let templates: WrittenTemplate[];
  try {
    // Its types say `{ Array }`; it resolves to the passthrough copies and the templates.
    [, templates] = (await eleventy.write()) as unknown as [unknown, WrittenTemplate[]];
  } catch (error) {
    // Eleventy 3.1.7 rejects on a page's error while its copy of the assets goes on; a caller
    // removing the output folder then would see the copy bring it back (measured: a failed
    // in-process build left `assets/` in its staging folder about one time in three).
    await copying.settled();
    throw error;
  }
  const output = path.resolve(options.outputDir);
  return new Map(
    templates.flatMap(({ inputPath, outputPath }) =>
      outputPath === false
        ? []
        : [
            [
              path.relative(output, path.resolve(outputPath)).split(path.sep).join("/"),
              path.relative(options.projectRoot, path.resolve(inputPath)),
            ],
          ],
    ),
  );
}

/**
 * What the build does once Eleventy has written every page: the stylesheet and its fonts get
 * fingerprinted names (see `fingerprintStylesheet`), every file is checked to be one the site
 * may publish (see `checkPublishedFiles`; `producers` names the template that wrote each), and
 * a build for publication is refused while any page or file shows a placeholder, whatever
 * wrote it there (see `publishedPlaceholderProblems`).
 */
async function finishSite(options: BuildOptions, producers: Map<string, string>): Promise<void> {
  const { outputDir, projectRoot } = options;
  const shownAs = options.publishedAs ?? path.basename(path.resolve(outputDir));
  await fingerprintStylesheet(outputDir, stylesheetUrl);
  await checkPublishedFiles(outputDir, shownAs, producers, projectRoot);
  if (!options.production) return;
  const markers = await projectPlaceholderMarkers(projectRoot);
  const errors = await publishedPlaceholderProblems(outputDir, shownAs, markers);
  if (errors.length > 0) throw new NotPublishableError({ errors, warnings: [] });
}

/** How the project's pages show a placeholder (`placeholderMarkers`), from its locale files. */
async function projectPlaceholderMarkers(projectRoot: string): Promise<string[]> {
  const locales = projectPath(projectFolders.locales, projectRoot);
  return placeholderMarkers(createTranslator(await loadLocales(locales, projectRoot)));
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

/**
 * The new site was built but could not be put in place. `lastGoodSite` says where the last
 * good site is: still in the output folder, or (when it could not be put back) the folder named.
 */
export class PublishError extends Error {
  override name = "PublishError";
  constructor(
    message: string,
    readonly lastGoodSite: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What a published build has to say besides success: cleaning up that did not work out. */
export interface Published {
  warnings: string[];
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Builds into a staging folder beside `outputDir` and puts it in place only when the build
 * succeeded, so a failed build leaves the last good site untouched and complete. A lock file
 * beside the output (`<outputDir>.lock`, see `acquireLock`) refuses a second build started
 * while one runs, which would otherwise empty the staging folder under the first.
 */
export async function publishSite(options: BuildOptions): Promise<Published> {
  const output = path.resolve(options.outputDir);
  const lockFile = `${output}.lock`;
  const lock = await acquireLock(lockFile, `publishing into ${path.basename(output)}/`);
  let published: Published;
  try {
    published = await buildAndSwap(options, output);
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
  // The new site is in place: what goes wrong from here is reported, but the build succeeded.
  await lock.release().catch((error: unknown) => {
    published.warnings.push(
      `the lock file ${lockFile} could not be removed (${errorMessage(error)}): remove it before the next build`,
    );
  });
  return published;
}

/** Removes a folder if it can, and says what stood in the way if it cannot. */
async function removeIfPossible(folder: string): Promise<string | undefined> {
  try {
    await rm(folder, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return `${path.relative(process.cwd(), folder)}/ could not be removed (${errorMessage(error)}): remove it by hand`;
  }
}

/**
 * Where the last good site is moved while the new one takes its place: `<output>.previous`, or,
 * when one left by an earlier build cannot be removed, a name of its own beside it.
 */
async function asideFolder(output: string, warnings: string[]): Promise<string> {
  const previous = `${output}.previous`;
  const stuck = await removeIfPossible(previous);
  if (stuck === undefined) return previous;
  warnings.push(stuck);
  return `${previous}-${randomUUID().slice(0, 8)}`;
}

/**
 * Builds into `<output>.staging`, then swaps it in as the very last step: the last good site is
 * renamed aside and the new one renamed into its place. If the first rename fails nothing has
 * changed; if the second fails the last good site is renamed back. Only once the new site is
 * in place is the old one removed, and a failure there is a warning, not a failed build.
 */
async function buildAndSwap(options: BuildOptions, output: string): Promise<Published> {
  const staging = `${output}.staging`;
  const warnings: string[] = [];
  await rm(staging, { recursive: true, force: true });
  try {
    await buildSite({ ...options, outputDir: staging, publishedAs: path.basename(output) });
  } catch (error) {
    // Eleventy may still be writing other pages when one of them fails, so the folder can
    // gain files while it is removed; removing again then finds it empty.
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
  const site = `${path.basename(output)}/`;
  const aside = await asideFolder(output, warnings);
  let hadSite = true;
  try {
    await rename(output, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw new PublishError(
        `the last good site in ${site} could not be moved aside to make room for the new one (${errorMessage(error)})`,
        output,
        { cause: error },
      );
    }
    // The first build has no site to move aside.
    hadSite = false;
  }
  try {
    await rename(staging, output);
  } catch (error) {
    const restored =
      !hadSite ||
      (await rename(aside, output).then(
        () => true,
        () => false,
      ));
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw new PublishError(
      `the new site could not be put in place of the last good one (${errorMessage(error)})`,
      restored ? output : aside,
      { cause: error },
    );
  }
  if (hadSite) {
    const stuck = await removeIfPossible(aside);
    if (stuck !== undefined) warnings.push(`the previous site was replaced, but ${stuck}`);
  }
  return { warnings };
}

/** Where `runBuild` writes what it has to say. */
export interface BuildOutput {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** How `npm run build` builds, from its command line. */
export interface RunOptions {
  /**
   * `--production`: refuse to build while anything in `projectReadiness` stands in the way of
   * publishing (every problem listed at once), and let the site know it is the published one.
   */
  production?: boolean;
  /** The longest the build may take, in milliseconds (default `defaultTimeLimitMs`). */
  timeLimitMs?: number;
}

/** What the editor is told about the published site when a build did not publish. */
function siteState(error: unknown, outputDir: string): string {
  const site = `${path.relative(process.cwd(), outputDir) || "."}/`;
  if (!(error instanceof PublishError)) {
    return `The site was not built; the last good build in ${site} is unchanged.`;
  }
  return error.lastGoodSite === path.resolve(outputDir)
    ? `The site was built but could not be published; the last good build in ${site} is unchanged.`
    : `The site was built but could not be published, and the last good build could not be put back: it is in ${path.relative(process.cwd(), error.lastGoodSite)}/. Rename that folder to ${site} before anything else.`;
}

/**
 * `npm run build`: publishes the project's site into its `_site/` and tells the editor how it
 * went, naming the file at fault when it failed and what became of the last good site. A
 * development build (the default) builds with placeholders and says in one line why it is not
 * publishable; a production build refuses instead, listing every problem with its file and field
 * (the configuration checks, see `.eleventy.ts`). Returns the exit code (0 built, 1 not built).
 */
export async function runBuild(
  projectRoot: string,
  output: BuildOutput = { stdout: console.log, stderr: console.error },
  run: RunOptions = {},
): Promise<number> {
  const outputDir = projectPath(projectFolders.output, projectRoot);
  const started = performance.now();
  const production = run.production ?? false;
  let published: Published;
  try {
    published = await publishSite({ projectRoot, outputDir, quiet: true, ...run });
  } catch (error) {
    output.stderr(describeRefusal(error, outputDir));
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.stdout(
    `Built the site${production ? " for publication" : ""} into ${path.relative(process.cwd(), outputDir) || "."}/ in ${seconds} s.`,
  );
  for (const warning of published.warnings) output.stderr(`Warning: ${warning}`);
  // The data and strings passed every check of the build, so reading them again is safe and quick.
  const readiness = await projectReadiness(
    projectRoot,
    await loadSiteData(projectPath(projectFolders.data, projectRoot), projectRoot),
    process.env.SITE_URL,
    await projectPlaceholderMarkers(projectRoot),
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
function describeRefusal(error: unknown, outputDir: string): string {
  const refusal = errorChain(error).find(
    (link): link is NotPublishableError => link.name === "NotPublishableError",
  );
  if (refusal === undefined)
    return `${siteState(error, outputDir)}\n\n${describeBuildError(error)}`;
  const { errors, warnings } = refusal.readiness;
  return [
    `The site was not built for publication; the last good build in ${path.relative(process.cwd(), outputDir) || "."}/ is unchanged. ${errors.length} problem(s) to fix first:`,
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
  // Said in the editor's terms already, whatever Eleventy wrapped around it.
  const plain = errorChain(error).find(
    (link) => link instanceof BuildTimeLimitError || link instanceof LockError,
  );
  if (plain !== undefined) return plain.message;
  const messages = errorChain(error)
    .slice(0, 5)
    .map((link) => link.message);
  return messages.length > 0 ? messages.join("\n  caused by: ") : String(error);
}
