/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { Problem, SitePage } from "../types.ts";
import { toolLanguage } from "../../../lib/languages.ts";
import { judgeLanguage, languageDetector, MIN_LETTERS, otherLanguage } from "./language-id.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

function primarySubtag(lang: string): string {
  return lang.trim().toLowerCase().split("-")[0] ?? "";
}

/** A block of text and the language its markup declares for it. */
interface TextBlock extends ElementInfo {
  /** Its own text: without nested blocks and without parts marked with their own `lang`. */
  own: string;
  /** The primary subtag of the nearest `lang`, "" when there is none. */
  declared: string;
  /** The language comes from `<html lang>`, not from a `lang` inside the page. */
  fromPage: boolean;
}

/** The page's blocks of text long enough to tell their language. */
function textBlocks(tab: Page, minLetters: number): Promise<TextBlock[]> {
  return tab.evaluate((minLetters: number) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    const blockSelector =
      "p, li, td, th, dd, dt, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, summary, legend, label, div, section, article, aside";
    const ownText = (element: Element): string =>
      [...element.childNodes]
        .map((node) => {
          if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
          if (!(node instanceof Element) || node.hasAttribute("lang")) return " ";
          if (node.matches(blockSelector) || /^(script|style|template)$/.test(node.localName))
            return " ";
          return ownText(node);
        })
        .join("");
    const blocks: TextBlock[] = [];
    for (const element of document.body.querySelectorAll(blockSelector)) {
      const own = ownText(element).replace(/\s+/g, " ").trim();
      if ((own.match(/\p{L}/gu)?.length ?? 0) < minLetters || !gate.shown(element)) continue;
      const holder = element.closest("[lang]");
      blocks.push({
        ...gate.describe(element),
        own,
        declared: (holder?.getAttribute("lang") ?? "").trim().toLowerCase().split("-")[0] ?? "",
        fromPage: holder === document.documentElement,
      });
    }
    return blocks;
  }, minLetters);
}

const languageNames = new Intl.DisplayNames([toolLanguage], { type: "language" });

/**
 * The text a reader meets in the page's own language: its title and the visible text of its
 * main content outside parts marked with a `lang` of their own, however short each piece
 * (headings, list items), up to 5000 characters; the whole body's where the main content has
 * too little to tell (menus and footers are the site's, the main content the page's own).
 */
function pageText(tab: Page, minLetters: number): Promise<string> {
  return tab.evaluate((minLetters: number) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    const textOf = (root: Element) => {
      const parts = [document.title];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let length = 0;
      for (let node = walker.nextNode(); node !== null && length < 5000; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = (node.textContent ?? "").trim();
        if (
          text === "" ||
          parent === null ||
          parent.closest("[lang]") !== document.documentElement ||
          /^(script|style|template|noscript)$/.test(parent.localName) ||
          !gate.shown(parent)
        ) {
          continue;
        }
        parts.push(text);
        length += text.length;
      }
      return parts.join(" ").replace(/\s+/g, " ").slice(0, 5000);
    };
    const main = document.querySelector('main, [role="main"]');
    const own = main === null ? "" : textOf(main);
    return (own.match(/\p{L}/gu)?.length ?? 0) >= minLetters ? own : textOf(document.body);
  }, minLetters);
}

/**
 * Where the text's language, as eld identifies it, is not the one the markup declares: the
 * page as a whole against `<html lang>` (WCAG 3.1.1), judged from its title and main content
 * in that language (see `pageText`), and each block of text (paragraph, list item, cell, heading…)
 * against its nearest `lang` (3.1.2). Blocks are judged from MIN_LETTERS letters on, and only
 * where the detector is sure. A page whose language the detector cannot tell is left to a
 * person (`undecided`), never passed.
 */
async function languageOfText(
  tab: Page,
  page: SitePage,
  htmlLang: string,
  undecided: Problem[],
): Promise<ProbeFinding[]> {
  const [blocks, detector] = await Promise.all([textBlocks(tab, MIN_LETTERS), languageDetector()]);
  const findings: ProbeFinding[] = [];
  const pageLanguage = primarySubtag(htmlLang);
  const judged =
    pageLanguage === ""
      ? null
      : judgeLanguage(detector, await pageText(tab, MIN_LETTERS), pageLanguage);
  const pageIsIn = judged?.verdict === "other" ? judged.language : null;
  const declared = languageNames.of(pageLanguage) ?? pageLanguage;
  if (pageIsIn !== null) {
    findings.push({
      rule: "html-lang",
      selector: "html",
      context: `<html lang="${htmlLang}">`,
      message: `The page's text is in ${languageNames.of(pageIsIn) ?? pageIsIn}, but <html lang> declares ${declared} (WCAG 3.1.1).`,
      measured: { identified: pageIsIn, declared: pageLanguage },
    });
  } else if (judged?.verdict === "unsure") {
    undecided.push({
      url: page.url,
      runner: "probe",
      rule: "html-lang",
      selector: "html",
      context: `<html lang="${htmlLang}">`,
      severity: "notice",
      message: `Whether the page is in ${declared}, as <html lang> says, cannot be told from its text (${judged.why}); a person must check (WCAG 3.1.1).`,
    });
  }
  for (const block of blocks) {
    const other = block.declared === "" ? null : otherLanguage(detector, block.own, block.declared);
    if (other === null || (block.fromPage && other === pageIsIn)) continue;
    findings.push({
      rule: "language-of-parts",
      selector: block.selector,
      context: block.context,
      message:
        `"${block.own.slice(0, 60)}…" is in ${languageNames.of(other) ?? other}, but is marked as ${languageNames.of(block.declared) ?? block.declared}, ` +
        `so screen readers pronounce it wrongly (WCAG 3.1.2): add lang="${other}" to it.`,
      measured: { identified: other, declared: block.declared },
    });
  }
  return findings;
}

/**
 * `<html lang>` matches the page's language folder and its text (WCAG 3.1.1); every link into
 * another language names it with `hreflang` and, when its text is in that language, `lang`;
 * and every block of text in another language is marked with `lang` (3.1.2).
 */
export const languageProbe: PageProbe = {
  rules: ["html-lang", "language-link-lang", "language-of-parts"],
  criteria: {
    "html-lang": ["3.1.1"],
    "language-link-lang": ["3.1.2"],
    "language-of-parts": ["3.1.2"],
  },
  async run(tab, page, { languages, undecided }) {
    const report = await tab.evaluate(() => {
      const { describe } = (window as unknown as GateWindow).__a11yGate;
      const links = new Set(document.querySelectorAll("nav.language-switcher a, a[hreflang]"));
      return {
        htmlLang: document.documentElement.getAttribute("lang"),
        links: [...links].map((link) => ({
          ...describe(link),
          lang: link.getAttribute("lang"),
          hreflang: link.getAttribute("hreflang"),
          inheritedLang: link.parentElement?.closest("[lang]")?.getAttribute("lang") ?? null,
        })),
      };
    });
    const findings: ProbeFinding[] = [];
    const wanted = languages.map((lang) => `lang="${lang}"`).join(" or ");
    if (report.htmlLang === null || report.htmlLang.trim() === "") {
      findings.push({
        rule: "html-lang",
        selector: "html",
        context: "<html>",
        message: `The page has no <html lang>, so screen readers cannot pick the right pronunciation; expected ${wanted}.`,
      });
    } else if (!languages.includes(primarySubtag(report.htmlLang))) {
      findings.push({
        rule: "html-lang",
        selector: "html",
        context: `<html lang="${report.htmlLang}">`,
        message: `<html lang="${report.htmlLang}"> does not match the page's language${languages.length === 1 ? ` folder /${languages.join("")}/` : ""}; expected ${wanted}.`,
      });
    }
    for (const link of report.links) {
      const finding = (message: string) =>
        findings.push({
          rule: "language-link-lang",
          selector: link.selector,
          context: link.context,
          message,
        });
      const hreflang = link.hreflang?.trim() ?? "";
      if (hreflang === "") {
        finding(`Language link "${link.text}" lacks hreflang, the language of the page it opens.`);
        continue;
      }
      // The text's language is its own lang, or else inherited; a link into another language
      // usually names it in that language ("English"), which the inherited lang rarely is.
      const textLang = link.lang?.trim() || link.inheritedLang?.trim() || "";
      if (!link.lang?.trim() && primarySubtag(textLang) !== primarySubtag(hreflang)) {
        finding(
          `Language link "${link.text}" has no lang, so screen readers read it as "${textLang || "unknown"}"; ` +
            `give it lang="${hreflang}" if the text is in that language (WCAG 3.1.2).`,
        );
      }
    }
    return [...findings, ...(await languageOfText(tab, page, report.htmlLang ?? "", undecided))];
  },
};
