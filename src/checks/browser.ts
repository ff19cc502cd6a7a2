import { accessSync, constants, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

/** Where findBrowser looks; every field defaults to this machine's real environment. */
export interface BrowserSearch {
  env?: Record<string, string | undefined>;
  /** Absolute paths tried after CHROME_PATH, in order. */
  systemPaths?: readonly string[];
  /** Program names looked up on PATH after the system paths. */
  commandNames?: readonly string[];
  /** Puppeteer's browser cache, tried last. */
  puppeteerCacheDir?: string;
}

/** Raised when no usable browser exists; its message tells the reader how to install one. */
export class BrowserNotFoundError extends Error {
  override name = "BrowserNotFoundError";
}

const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];
const COMMAND_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "chrome",
];

// Puppeteer's cache holds <browser>/<platform>-<version>/<folder>/<executable>.
const PUPPETEER_BROWSERS = [
  { browser: "chrome", folder: "chrome-linux64", executable: "chrome" },
  {
    browser: "chrome-headless-shell",
    folder: "chrome-headless-shell-linux64",
    executable: "chrome-headless-shell",
  },
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, pathVariable: string | undefined): string | undefined {
  return (pathVariable ?? "")
    .split(delimiter)
    .filter((dir) => dir !== "")
    .map((dir) => join(dir, name))
    .find(isExecutable);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Compares "linux-131.0.6778.85"-style folder names by their numeric version parts. */
function byVersionDescending(a: string, b: string): number {
  const parts = (name: string) => (name.match(/\d+/g) ?? []).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function inPuppeteerCache(cacheDir: string): string | undefined {
  for (const { browser, folder, executable } of PUPPETEER_BROWSERS) {
    const versions = listDir(join(cacheDir, browser)).sort(byVersionDescending);
    const found = versions
      .map((v) => join(cacheDir, browser, v, folder, executable))
      .find(isExecutable);
    if (found !== undefined) return found;
  }
  return undefined;
}

function notFoundMessage(chromePath: string | undefined, searched: readonly string[]): string {
  const lines = [
    "No Chrome or Chromium browser was found, and the accessibility check needs one to open the pages.",
    "Install Chromium with:  sudo apt-get install chromium",
    "or point CHROME_PATH at an installed browser, e.g.  CHROME_PATH=/opt/google/chrome/chrome npm run check:a11y",
  ];
  if (chromePath !== undefined) {
    lines.push(`CHROME_PATH is set to "${chromePath}", but no runnable program is there.`);
  }
  lines.push(`Looked in: ${searched.join(", ")}.`);
  return lines.join("\n");
}

/**
 * Returns the path of a Chrome or Chromium executable: CHROME_PATH if it names a runnable
 * file, else a system browser (fixed paths, then PATH), else one in Puppeteer's cache.
 * (`@puppeteer/browsers`' `computeSystemExecutablePath` knows only Google Chrome's folders in
 * /opt/google, not the Chromium that Debian and Ubuntu install as /usr/bin/chromium.)
 * Throws BrowserNotFoundError with installation advice when there is none.
 */
export function findBrowser(search: BrowserSearch = {}): string {
  const env = search.env ?? process.env;
  const chromePath = env.CHROME_PATH?.trim() === "" ? undefined : env.CHROME_PATH;
  if (chromePath !== undefined && isExecutable(chromePath)) return chromePath;

  const systemPaths = search.systemPaths ?? SYSTEM_PATHS;
  const fromSystem = systemPaths.find(isExecutable);
  if (fromSystem !== undefined) return fromSystem;

  const commandNames = search.commandNames ?? COMMAND_NAMES;
  for (const name of commandNames) {
    const found = onPath(name, env.PATH);
    if (found !== undefined) return found;
  }

  // Puppeteer's own cache in the user's home folder, not the project's cache folder.
  // eslint-disable-next-line no-restricted-syntax
  const puppeteerCache = join(homedir(), ".cache", "puppeteer");
  const cacheDir = search.puppeteerCacheDir ?? env.PUPPETEER_CACHE_DIR ?? puppeteerCache;
  const cached = inPuppeteerCache(cacheDir);
  if (cached !== undefined) return cached;

  const searched = [
    ...(chromePath === undefined ? [] : ["CHROME_PATH"]),
    ...systemPaths,
    `PATH (${commandNames.join(", ")})`,
    cacheDir,
  ];
  throw new BrowserNotFoundError(notFoundMessage(chromePath, searched));
}
