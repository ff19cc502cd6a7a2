/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page, Protocol } from "puppeteer-core";
import { readServedDocument, type ServedDocument } from "./served-document.ts";
import type { ProbeFinding } from "./types.ts";

/** The rule of a page that runs script, or carries script that runs when a reader acts. */
export const SCRIPT_EXECUTION_RULE = "script-execution";

/** Watches one tab for scripts its pages run (see `watchScripts`). */
export interface ScriptWatch {
  /** Forgets what earlier pages ran: called before the tab loads the next page. */
  reset(): void;
  /** What the tab's page ran since `reset`, and script in its markup that waits for a reader. */
  findings(tab: Page, served: ServedDocument): Promise<ProbeFinding[]>;
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
 * Watches a tab, from before its pages load, for every script the page itself compiles:
 * Chromium reports each script to its debugger with the document or file that embeds it
 * (an inline `<script>`, an event handler as it fires, a `javascript:` URL, a script file),
 * while the gate's own calls into the page (axe, the probes) have no embedder. The tabs
 * bypass the page's policy (see `openCheckTab`), so the policy's own violation reports never
 * fire there: this sees every script a reader's browser could run, whether or not a policy
 * would stop it, and the site ships none. Pauses (`debugger;`) are skipped.
 */
export async function watchScripts(tab: Page): Promise<ScriptWatch> {
  const session = await tab.createCDPSession();
  let scripts: Protocol.Debugger.ScriptParsedEvent[] = [];
  session.on("Debugger.scriptParsed", (script) => {
    if (script.embedderName !== undefined && script.embedderName !== "") scripts.push(script);
  });
  await session.send("Debugger.enable");
  await session.send("Debugger.setSkipAllPauses", { skip: true });
  return {
    reset() {
      scripts = [];
    },
    async findings(tab, served) {
      // Without its #fragment: the skip-link probe adds one.
      const documentUrl = tab.url().replace(/#.*$/, "");
      // The gate's own server is no address of the site: its files are named by their path.
      const { origin } = new URL(documentUrl);
      const shown = (url: string) =>
        url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
      const ran = scripts.map((script) =>
        finding(
          script.url === documentUrl || script.url === ""
            ? `The page ran script from its own markup (at line ${script.startLine + 1}: an inline <script>, an event handler or a javascript: URL); the site ships no script.`
            : `The page ran the script ${shown(script.url)}; the site ships no script.`,
        ),
      );
      const waiting = (await readServedDocument(tab, served, scriptInMarkup)).map((tag) =>
        finding(
          `The page carries script that runs when a reader acts on ${tag}; the site ships no script.`,
          tag,
        ),
      );
      return [...ran, ...waiting];
    },
  };
}
