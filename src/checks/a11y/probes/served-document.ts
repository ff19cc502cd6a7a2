/// <reference lib="dom" />
import type { HTTPResponse, Page } from "puppeteer-core";

/**
 * The document the server sent for a tab's page: the bytes the tab received when it loaded the
 * page, which nothing a script in the page did can change, and the type the browser gave it.
 */
export interface ServedDocument {
  source: string;
  /** `document.contentType`, as the browser took it from the response. */
  type: string;
}

/**
 * The document of the page the tab has just loaded with `response`, once the page's fonts,
 * which decide its layout, are ready: the probes measure the page as a reader sees it.
 */
export async function servedDocumentOf(tab: Page, response: HTTPResponse): Promise<ServedDocument> {
  const [source, type] = await Promise.all([
    response.text(),
    tab.evaluate(() => document.fonts.ready.then(() => document.contentType)),
  ]);
  return { source, type };
}

/**
 * Runs `read` in the tab on the served document, so that `read` can parse it with the browser's
 * own `DOMParser`, which never runs scripts.
 */
export async function readServedDocument<T>(
  tab: Page,
  served: ServedDocument,
  read: (source: string, type: string) => T,
): Promise<Awaited<T>> {
  return await tab.evaluate(read, served.source, served.type);
}
