import { describe, expect, it } from "vitest";
import { outdatedNotice } from "../../src/components/outdated-notice.ts";
import type { PageRef } from "../../src/lib/pages.ts";
import { parseHtml } from "../support/html.ts";

const t = (key: string) => `[${key}]`;

const source: PageRef = {
  url: "/de/kennzahlen/",
  title: "Kennzahlen",
  navTitle: "Kennzahlen",
  inputPath: "src/site/de/kennzahlen.md",
  sitemap: true,
  version: "0123456789ab",
};

describe("outdated translation notice", () => {
  it("links an outdated translation to its German page, marked as German", () => {
    const notice = outdatedNotice({ language: "en", translatedFrom: "ba9876543210", source, t });
    const [link] = parseHtml(notice.markup).all((element) => element.name === "a");
    expect(notice.markup).toContain("[translation.outdatedNotice]");
    expect(link?.attribs).toEqual({ href: "/de/kennzahlen/", hreflang: "de", lang: "de" });
  });

  it("says nothing when the translation was made from the German as it is now, or is not marked", () => {
    expect(
      outdatedNotice({ language: "en", translatedFrom: "0123456789ab", source, t }).markup,
    ).toBe("");
    expect(outdatedNotice({ language: "en", translatedFrom: undefined, source, t }).markup).toBe(
      "",
    );
    expect(
      outdatedNotice({ language: "de", translatedFrom: "0123456789ab", source, t }).markup,
    ).toBe("");
  });
});
