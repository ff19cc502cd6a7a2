import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../../src/checks/a11y/index.ts";
import {
  browserArguments,
  gateBrowserArguments,
  loadPa11yDefaults,
} from "../../src/checks/a11y/pa11y.ts";
import { findBrowser } from "../../src/checks/browser.ts";
import { projectRoot } from "../../src/lib/project.ts";

/**
 * The worker's Chromium. Test files share a worker's process but load this module afresh
 * (`isolate: false` keeps only packages), so it lives on the process: one start per worker
 * instead of one per file, each of which took one to two seconds on a busy 2-core machine.
 */
const worker = globalThis as typeof globalThis & { testBrowser?: Promise<Browser> };

/**
 * A Chromium for the calling test file, shared with the other files of its worker: started on
 * first use (again if it has gone), and ending with the worker, as it is started over a pipe.
 * It starts as the accessibility gate's browser does, so that probes are tested as they run.
 * Files close the tabs they open, never the browser.
 */
export async function sharedBrowser(): Promise<Browser> {
  const running = worker.testBrowser === undefined ? undefined : await worker.testBrowser;
  if (running?.connected === true) return running;
  worker.testBrowser = launchBrowser(
    findBrowser(),
    gateBrowserArguments(browserArguments(loadPa11yDefaults(projectRoot))),
  );
  return worker.testBrowser;
}
