import { describe, expect, it } from "vitest";
import { siteMap } from "../../src/components/site-map.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { translations } from "./support.ts";

function listed(language: "de" | "en", navigation = { main: ["sources"], footer: ["home"] }) {
  const page = parseHtml(siteMap({ language, translations, navigation }).markup);
  return page.all(tag("a")).map((link) => [attribute(link, "href"), text(link)]);
}

describe("site map", () => {
  it("lists every page of its language by title: menu pages in menu order, then the others", () => {
    expect(listed("en")).toEqual([
      ["/en/sources/", "Sources"],
      ["/en/", "Home"],
      ["/en/accessibility/", "Accessibility statement"],
    ]);
  });

  it("leaves out pages kept out of the sitemap", () => {
    expect(listed("de").map(([url]) => url)).not.toContain("/de/nur/");
    expect(listed("de")).toHaveLength(3);
  });
});
