/// <reference lib="dom" />
import type { Page } from "puppeteer-core";

/**
 * Runs `read` in the tab on the document the server sends for the tab's page (asked for once
 * more, so that nothing a script in the page did can show), with the type the browser gave it,
 * so that `read` can parse it with the browser's own `DOMParser`, which never runs scripts.
 */
export async function readServedDocument<T>(
  tab: Page,
  read: (source: string, type: string) => T,
): Promise<Awaited<T>> {
  const response = await fetch(tab.url());
  const source = await response.text();
  const type = await tab.evaluate(() => document.contentType);
  return await tab.evaluate(read, source, type);
}
