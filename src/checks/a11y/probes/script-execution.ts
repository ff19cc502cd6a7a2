/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page, Protocol } from "puppeteer-core";
import { readServedDocument, type ServedDocument } from "./served-document.ts";
import type { ProbeFinding } from "./types.ts";

/** The rule of a page that runs script, or carries script that runs when a reader acts. */
export const SCRIPT_EXECUTION_RULE = "script-execution";

/**
 * A tab of the gate's browser that loads each page a second time, only to see the scripts the
 * page runs (see `openScriptWatch`).
 */
export interface ScriptWatch {
  /**
   * Loads `url` in the watch's tab and gives a finding for each script the page ran while
   * loading, waiting at most `timeoutMs`.
   */
  scriptsRun(url: string, timeoutMs: number): Promise<ProbeFinding[]>;
  /** Closes the watch's tab. */
  close(): Promise<void>;
}

const finding = (message: string, context = ""): ProbeFinding => ({
  rule: SCRIPT_EXECUTION_RULE,
  selector: "",
  context,
  message,
});

/** Script in a document's markup that runs when a reader acts: event handlers and script URLs. */
function scriptInMarkup(html: string, type: string): string[] {
  const parsed = new DOMParser().parseFromString(html, type as DOMParserSupportedType);
  const found: string[] = [];
  for (const element of parsed.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      // Browsers drop tabs, line breaks and other control characters from URLs.
      let value = "";
      for (const character of attribute.value.toLowerCase())
        if (character > " ") value += character;
      if (attribute.name.toLowerCase().startsWith("on") || value.startsWith("javascript:")) {
        found.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
      }
    }
  }
  return found;
}

/**
 * Opens a tab that watches, from before each page loads, for every script the page itself
 * compiles: Chromium reports each script to its debugger with the document or file that embeds
 * it (an inline `<script>`, an event handler as it fires, a `javascript:` URL, a script file).
 * The tab bypasses the page's content security policy, so that this sees every script a
 * reader's browser could run, whether or not a policy would stop it; the site ships none.
 * Pauses (`debugger;`) are skipped. A script that runs later was compiled while the page
 * loaded, or waits in the markup for a reader (`scriptWaitingInMarkup`).
 *
 * The watch has a tab of its own because a debugger slows down every page in its renderer
 * process: with one attached to the check tab, loading each page, injecting axe and running it
 * took up to twice as long (see BENCHMARKS.md).
 */
export async function openScriptWatch(browser: Browser): Promise<ScriptWatch> {
  const tab = await browser.newPage();
  await tab.setBypassCSP(true);
  const session = await tab.createCDPSession();
  let scripts: Protocol.Debugger.ScriptParsedEvent[] = [];
  session.on("Debugger.scriptParsed", (script) => {
    if (script.embedderName !== undefined && script.embedderName !== "") scripts.push(script);
  });
  await session.send("Debugger.enable");
  await session.send("Debugger.setSkipAllPauses", { skip: true });
  return {
    async scriptsRun(url, timeoutMs) {
      scripts = [];
      await tab.goto(url, { waitUntil: "load", timeout: timeoutMs });
      // Where the page ended up, which inline scripts name as theirs.
      const documentUrl = tab.url().replace(/#.*$/, "");
      const { origin } = new URL(documentUrl);
      // The gate's own server is no address of the site: its files are named by their path.
      const shown = (address: string) =>
        address.startsWith(`${origin}/`) ? address.slice(origin.length) : address;
      return scripts.map((script) =>
        finding(
          script.url === documentUrl || script.url === ""
            ? `The page ran script from its own markup (at line ${script.startLine + 1}: an inline <script>, an event handler or a javascript: URL); the site ships no script.`
            : `The page ran the script ${shown(script.url)}; the site ships no script.`,
        ),
      );
    },
    async close() {
      await tab.close();
    },
  };
}

/**
 * Script in the markup the server sent that runs when a reader acts: event handlers and script
 * URLs, found whether or not anything has set them off.
 */
export async function scriptWaitingInMarkup(
  tab: Page,
  served: ServedDocument,
): Promise<ProbeFinding[]> {
  return (await readServedDocument(tab, served, scriptInMarkup)).map((tag) =>
    finding(
      `The page carries script that runs when a reader acts on ${tag}; the site ships no script.`,
      tag,
    ),
  );
}
