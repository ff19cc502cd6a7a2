import { describe, expect, it } from "vitest";
import { siteHeader, type SiteHeaderProps } from "../../src/components/site-header.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { echo, translations } from "./support.ts";

const props: SiteHeaderProps = {
  language: "de",
  currentKey: "sources",
  translations,
  mainMenu: ["home", "sources"],
  official: false,
  t: echo,
};

describe("siteHeader", () => {
  it("opens with KERN's header bar, which does not claim an official site while the publisher is unconfirmed", () => {
    const header = parseHtml(siteHeader(props).markup);
    const bar = header.first(tag("div", { class: "kern-kopfzeile" }));
    expect(text(bar).trim()).toBe("[common.headerBar.unofficial]");
    expect(within(bar, tag("svg"))).toEqual([]);
  });

  it("says 'official website' beside the flag once the publisher is confirmed", () => {
    const header = parseHtml(siteHeader({ ...props, official: true }).markup);
    const bar = header.first(tag("div", { class: "kern-kopfzeile" }));
    expect(text(bar).trim()).toBe("[common.headerBar.official]");
    const flag = header.first(tag("span", { class: "kern-kopfzeile__flagge" }));
    expect(attribute(flag, "aria-hidden")).toBe("true");
    expect(within(flag, tag("svg"))).toHaveLength(1);
  });

  it("folds the main menu into a disclosure named by the locale, with the pages' links inside", () => {
    const header = parseHtml(siteHeader(props).markup);
    const menu = header.first(tag("nav", { class: "main-menu" }));
    expect(attribute(menu, "aria-label")).toBe("[common.mainNavigation]");
    const [details] = within(menu, tag("details"));
    expect(text(within(details ?? null, tag("summary"))[0] ?? null)).toBe("[common.menu]");
    expect(within(details ?? null, tag("a")).map((link) => attribute(link, "href"))).toEqual([
      "/de/",
      "/de/quellen/",
    ]);
  });
});
