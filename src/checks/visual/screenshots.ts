import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../a11y/index.ts";
import { startSiteServer } from "../a11y/server.ts";

/** The screens every page is photographed on: a common phone and a laptop. */
export const VISUAL_VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/**
 * How the browser starts: no sandbox (CI containers run as root, where Chromium's sandbox
 * cannot start), no GPU and no shared memory (small containers), and one colour profile, so
 * the same page gives the same pixels on every machine.
 */
const BROWSER_ARGUMENTS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--force-color-profile=srgb",
  "--hide-scrollbars",
];

/** One page at one width. */
export interface Screenshot {
  path: string;
  width: number;
  /** The height of the screen it was taken on: what a reader sees at once. */
  screenHeight: number;
  /** The file name's stem: the path in words and the width, e.g. `de-kennzahlen-390`. */
  name: string;
  png: Buffer;
}

/** A page that could not be photographed, and why. */
export interface ScreenshotFailure {
  path: string;
  message: string;
}

/** The file name's stem for a page at a width: `/de/kennzahlen/` at 390 → `de-kennzahlen-390`. */
export function screenshotName(path: string, width: number): string {
  const words = path.replace(/^\/+|\/+$/g, "").replace(/[^a-zA-Z0-9]+/g, "-");
  return `${words === "" ? "root" : words}-${width}`;
}

/**
 * Photographs every page at every width, whole (full page), in one browser: the site served
 * on 127.0.0.1, each page loaded with its fonts, motion reduced. Stops when `signal` fires.
 */
export async function takeScreenshots(
  siteDir: string,
  paths: readonly string[],
  options: { browserPath: string; signal: AbortSignal; log: (line: string) => void },
): Promise<{ screenshots: Screenshot[]; failures: ScreenshotFailure[] }> {
  const server = await startSiteServer(siteDir);
  let browser: Browser | undefined;
  const stop = () => void browser?.close();
  options.signal.addEventListener("abort", stop, { once: true });
  try {
    browser = await launchBrowser(options.browserPath, BROWSER_ARGUMENTS);
    const tab = await browser.newPage();
    await tab.emulateMediaFeatures([{ name: "prefers-reduced-motion", value: "reduce" }]);
    const screenshots: Screenshot[] = [];
    const failures: ScreenshotFailure[] = [];
    for (const path of paths) {
      for (const viewport of VISUAL_VIEWPORTS) {
        options.signal.throwIfAborted();
        await tab.setViewport(viewport);
        const response = await tab.goto(server.origin + path, { waitUntil: "load" });
        const status = response?.status() ?? 0;
        if (status >= 400 || status === 0) {
          failures.push({ path, message: `the server answered HTTP ${status || "nothing"}` });
          break;
        }
        await tab.evaluate(() => document.fonts.ready.then(() => true));
        const png = Buffer.from(await tab.screenshot({ fullPage: true, type: "png" }));
        screenshots.push({
          path,
          width: viewport.width,
          screenHeight: viewport.height,
          name: screenshotName(path, viewport.width),
          png,
        });
      }
    }
    options.log(`Took ${screenshots.length} screenshots of ${paths.length} pages.`);
    return { screenshots, failures };
  } finally {
    options.signal.removeEventListener("abort", stop);
    await browser?.close();
    await server.close();
  }
}
