import { describe, expect, it } from "vitest";
import { menu } from "../../src/components/menu.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { translations } from "./support.ts";

describe("menu", () => {
  const page = parseHtml(
    menu({
      keys: ["home", "sources"],
      label: "Hauptmenü",
      className: "main-menu",
      language: "de",
      currentKey: "sources",
      translations,
    }).markup,
  );

  it("lists the pages in the menu's order and language, named by their menu title", () => {
    const links = page.all(tag("a"));
    expect(links.map((link) => [attribute(link, "href"), text(link)])).toEqual([
      ["/de/", "Startseite"],
      ["/de/quellen/", "Quellen"],
    ]);
  });

  it("marks the current page, and only it", () => {
    const current = page.all((element) => attribute(element, "aria-current") === "page");
    expect(current.map((link) => attribute(link, "href"))).toEqual(["/de/quellen/"]);
  });

  it("gives the navigation its accessible name", () => {
    expect(attribute(page.first(tag("nav")), "aria-label")).toBe("Hauptmenü");
  });

  it("refuses a key that has no page in the language, instead of writing an empty link", () => {
    expect(() =>
      menu({
        keys: ["only-german"],
        label: "Main menu",
        className: "main-menu",
        language: "en",
        currentKey: "home",
        translations,
      }),
    ).toThrow(/only-german/);
  });
});
