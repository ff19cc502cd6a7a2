import { describe, expect, it } from "vitest";
import { hyphenateHtml, hyphenateText } from "../../src/lib/hyphenate.ts";

const shown = (text: string) => text.replace(/\u00ad/g, "·");

describe("hyphenateText", () => {
  it("puts soft hyphens at the syllables of long German words, by German patterns", () => {
    expect(shown(hyphenateText("Gesundheitswirtschaftsregionen", "de"))).toBe(
      "Ge·sund·heits·wirt·schafts·re·gio·nen",
    );
  });

  it("uses English patterns for English, and leaves words of fewer than 10 letters whole", () => {
    expect(shown(hyphenateText("approximately 58 billion", "en"))).toBe(
      "ap·prox·im·ately 58 billion",
    );
    expect(hyphenateText("Kennzahl Umsatz Brandenburg", "de")).toBe(
      "Kennzahl Umsatz Bran\u00adden\u00adburg",
    );
  });

  it("leaves text in a language it has no patterns for as it is", () => {
    expect(hyphenateText("Gesundheitswirtschaftsregionen", "fr")).toBe(
      "Gesundheitswirtschaftsregionen",
    );
  });
});

describe("hyphenateHtml", () => {
  it("hyphenates words of 10 letters in headings and table cells, but only of 20 in running text", () => {
    const markup = hyphenateHtml(
      "<h2>Gesundheitscampus</h2><p>Gesundheitscampus und Gesundheitswirtschaftsregionen</p><table><tr><td>Beschäftigten</td></tr></table>",
      "de",
    );
    expect(shown(markup)).toBe(
      "<h2>Ge·sund·heits·cam·pus</h2><p>Gesundheitscampus und Ge·sund·heits·wirt·schafts·re·gio·nen</p><table><tr><td>Be·schäf·tig·ten</td></tr></table>",
    );
  });

  it("hyphenates each word in the language of its element", () => {
    const markup = hyphenateHtml(
      '<h2>The <span lang="de">Landeszentrum Gesundheit</span> in Westphalia</h2>',
      "en",
    );
    expect(shown(markup)).toBe(
      '<h2>The <span lang="de">Lan·des·zen·trum Ge·sund·heit</span> in West·phalia</h2>',
    );
  });

  it("leaves file names, web and email addresses whole, but hyphenates the words around them", () => {
    const markup = hyphenateHtml(
      '<table><tr><th><a href="/data/kennzahlen.csv">Download <span lang="de">kennzahlen.csv</span></a></th><td>Information: https://www.schlichtungsstelle-bgg.de or poststelle@gesundheitswirtschaft.example</td></tr></table>',
      "en",
    );
    expect(shown(markup)).toBe(
      '<table><tr><th><a href="/data/kennzahlen.csv">Download <span lang="de">kennzahlen.csv</span></a></th><td>In·form·a·tion: https://www.schlichtungsstelle-bgg.de or poststelle@gesundheitswirtschaft.example</td></tr></table>',
    );
    expect(shown(hyphenateHtml("<td>Kennzahlen.</td>", "de"))).toBe("<td>Kenn·zah·len.</td>");
  });

  it("never touches attributes, code or data blocks", () => {
    const markup =
      '<h2 title="Gesundheitswirtschaftsregionen"><code>Gesundheitswirtschaftsregionen</code></h2><script type="application/ld+json">{"name":"Gesundheitswirtschaftsregionen"}</script>';
    expect(hyphenateHtml(markup, "de")).toBe(markup);
  });
});
