import { describe, expect, it } from "vitest";
import { siteFooter } from "../../src/components/site-footer.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { echo, translations } from "./support.ts";

function footerLinks(language: "de" | "en") {
  const page = parseHtml(
    siteFooter({
      language,
      currentKey: "home",
      translations,
      footerMenu: ["accessibility", "sources"],
      t: echo,
    }).markup,
  );
  return page.all(tag("a")).map((link) => [attribute(link, "href"), text(link)]);
}

describe("site footer", () => {
  it("links “report a barrier” to the feedback section of the statement in the page's language", () => {
    expect(footerLinks("de")).toContainEqual([
      "/de/barrierefreiheit/#feedback",
      "[accessibility.reportBarrier]",
    ]);
    expect(footerLinks("en")).toContainEqual([
      "/en/accessibility/#feedback",
      "[accessibility.reportBarrier]",
    ]);
  });

  it("lists the footer menu's pages after it", () => {
    expect(footerLinks("en").slice(1)).toEqual([
      ["/en/accessibility/", "Accessibility"],
      ["/en/sources/", "Sources"],
    ]);
  });
});
