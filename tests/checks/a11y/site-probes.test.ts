import { describe, expect, it } from "vitest";
import {
  consistentIdentificationProbe,
  consistentNavigationProbe,
  pageTitleProbe,
} from "../../../src/checks/a11y/probes/site.ts";
import type { PageFacts } from "../../../src/checks/a11y/probes/types.ts";

const MENU = [
  { href: "/de/", name: "Startseite" },
  { href: "/de/quellen/", name: "Quellen" },
];

function facts(path: string, changes: Partial<PageFacts> = {}): PageFacts {
  return {
    path,
    language: path.split("/")[1] ?? "",
    title: `Titel von ${path}`,
    menus: [
      { name: "Hauptmenü", links: MENU },
      { name: "Sprache wählen", links: [{ href: path.replace("/de/", "/en/"), name: "English" }] },
    ],
    sharedLinks: [{ href: "/de/", name: "Gesundheitswirtschaft" }, ...MENU],
    ...changes,
  };
}

const GOOD = [
  facts("/de/"),
  facts("/de/quellen/"),
  facts("/de/impressum/"),
  facts("/en/", { title: "Titel von /de/" }),
];

describe("page-title", () => {
  it("passes titles that differ within each language, even if they match across languages", () => {
    expect(pageTitleProbe.run(GOOD)).toEqual([]);
  });

  it("fails an empty title and two pages of a language sharing one", () => {
    const found = pageTitleProbe.run([
      ...GOOD,
      facts("/de/neu/", { title: "Titel von /de/" }),
      facts("/de/leer/", { title: "" }),
    ]);
    expect(found.map((finding) => finding.path).sort()).toEqual(["/de/", "/de/leer/", "/de/neu/"]);
    expect(found.find((finding) => finding.path === "/de/leer/")?.message).toMatch(/has no title/);
  });
});

describe("consistent-navigation", () => {
  it("passes menus with the same items in the same order, a language switcher leading to each page's twin", () => {
    expect(consistentNavigationProbe.run(GOOD)).toEqual([]);
  });

  it("fails the page whose menu has its items in another order", () => {
    const reordered = facts("/de/neu/", {
      menus: [{ name: "Hauptmenü", links: [...MENU].reverse() }],
    });
    const found = consistentNavigationProbe.run([...GOOD, reordered]);
    expect(found.map((finding) => [finding.path, finding.rule])).toEqual([
      ["/de/neu/", "consistent-navigation"],
    ]);
    expect(found[0]?.message).toMatch(/lists Quellen, Startseite here, but Startseite, Quellen/);
  });
});

describe("consistent-identification", () => {
  it("passes links to one place named alike on every page, two names on one page included", () => {
    expect(consistentIdentificationProbe.run(GOOD)).toEqual([]);
  });

  it("fails the page that names a shared link differently", () => {
    const renamed = facts("/de/neu/", {
      sharedLinks: [
        { href: "/de/", name: "Gesundheitswirtschaft" },
        { href: "/de/", name: "Start" },
        { href: "/de/quellen/", name: "Quellen" },
      ],
    });
    const found = consistentIdentificationProbe.run([...GOOD, renamed]);
    expect(found.map((finding) => finding.path)).toEqual(["/de/neu/"]);
    expect(found[0]?.message).toContain('"Start"');
  });
});
