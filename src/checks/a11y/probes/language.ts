/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { GateWindow } from "../in-page.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

function primarySubtag(lang: string): string {
  return lang.trim().toLowerCase().split("-")[0] ?? "";
}

/**
 * `<html lang>` matches the page's language folder (WCAG 3.1.1), and every link into another
 * language names it with `hreflang` and, when its text is in that language, `lang` (3.1.2).
 */
export const languageProbe: PageProbe = {
  rules: ["html-lang", "language-link-lang"],
  async run(tab, _page, { languages }) {
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
    return findings;
  },
};
