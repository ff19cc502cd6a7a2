import { describe, expect, it } from "vitest";
import {
  consistentHelpProbe,
  consistentIdentificationProbe,
  consistentNavigationProbe,
  isPlaceholderTitle,
  pageTitleProbe,
} from "../../../src/checks/a11y/probes/site.ts";
import type { PageFacts } from "../../../src/checks/a11y/probes/types.ts";

const MENU = [
  { href: "/de/", name: "Startseite" },
  { href: "/de/quellen/", name: "Quellen" },
];
const FOOTER = [
  { href: "/de/barrierefreiheit/#feedback", name: "Barriere melden" },
  { href: "/de/impressum/", name: "Impressum" },
];
/** The feedback link in the footer, after the menu's links and before the legal notice. */
const HELP = {
  href: "/de/barrierefreiheit/#feedback",
  name: "Barriere melden",
  region: "footer",
  after: ["Gesundheitswirtschaft", "Startseite", "Quellen"],
};

function facts(path: string, changes: Partial<PageFacts> = {}): PageFacts {
  return {
    path,
    language: path.split("/")[1] ?? "",
    title: `Titel von ${path} – Gesundheitswirtschaft`,
    menus: [
      { name: "Hauptmenü", links: MENU },
      { name: "Sprache wählen", links: [{ href: path.replace("/de/", "/en/"), name: "English" }] },
    ],
    sharedLinks: [{ href: "/de/", name: "Gesundheitswirtschaft" }, ...MENU, ...FOOTER],
    help: [HELP],
    ...changes,
  };
}

const GOOD = [
  facts("/de/"),
  facts("/de/quellen/"),
  facts("/de/impressum/"),
  facts("/en/", { title: "Titel von /de/ – Gesundheitswirtschaft" }),
];

describe("page-title", () => {
  it("passes titles that differ within each language, even if they match across languages", () => {
    expect(pageTitleProbe.run(GOOD)).toEqual([]);
  });

  it("fails an empty title and two pages of a language sharing one", () => {
    const found = pageTitleProbe.run([
      ...GOOD,
      facts("/de/neu/", { title: "Titel von /de/ – Gesundheitswirtschaft" }),
      facts("/de/leer/", { title: "" }),
    ]);
    expect(found.map((finding) => finding.path).sort()).toEqual(["/de/", "/de/leer/", "/de/neu/"]);
    expect(found.find((finding) => finding.path === "/de/leer/")?.message).toMatch(/has no title/);
  });

  it("fails a placeholder title and the site's name alone, which the start page may have", () => {
    const found = pageTitleProbe.run([
      ...GOOD,
      facts("/de/entwurf/", { title: "Unbenannt – Gesundheitswirtschaft" }),
      facts("/de/nur-name/", { title: "Gesundheitswirtschaft" }),
      facts("/en/draft/", { title: "Untitled" }),
    ]);
    expect(found.map((finding) => [finding.path, finding.message])).toEqual([
      ["/de/entwurf/", expect.stringContaining("is a placeholder") as unknown],
      ["/de/nur-name/", expect.stringContaining("is only the site's name") as unknown],
      ["/en/draft/", expect.stringContaining("is a placeholder") as unknown],
    ]);
    expect(pageTitleProbe.run([...GOOD, facts("/de/x/"), facts("/de/y/")]).length).toBe(0);
    const startOnlyName = [facts("/de/", { title: "Gesundheitswirtschaft" }), ...GOOD.slice(1)];
    expect(pageTitleProbe.run(startOnlyName)).toEqual([]);
  });
});

describe("placeholder titles", () => {
  it("fails what editors and templates put in before there is a title, however it is worded", () => {
    const placeholders = [
      "Unbenanntes Dokument",
      "Untitled document",
      "Untitled-1",
      "Document1",
      "Neue Seite 2",
      "New page",
      "Ohne Titel",
      "Leere Seite",
      "index.html",
      "Lorem ipsum",
      "{{ title }}",
      "${pageTitle} – Gesundheitswirtschaft",
      "undefined",
    ];
    expect(placeholders.filter((title) => !isPlaceholderTitle(title))).toEqual([]);
  });

  it("passes titles that only share a word with a placeholder", () => {
    const titles = [
      "Dokumente der Region",
      "Neue Zahlen zur Beschäftigung",
      "Nachrichten – Seite 2",
      "Seite nicht gefunden",
      "Page not found",
      "Testergebnisse 2024",
      "Erklärung zur Barrierefreiheit",
    ];
    expect(titles.filter((title) => isPlaceholderTitle(title))).toEqual([]);
  });

  it("fails a page whose own part of the title is a placeholder, beside the site's name", () => {
    const found = pageTitleProbe.run([
      ...GOOD,
      facts("/de/entwurf/", { title: "Unbenanntes Dokument – Gesundheitswirtschaft" }),
      facts("/de/dokumente/", { title: "Dokumente der Region – Gesundheitswirtschaft" }),
      facts("/en/draft/", { title: "Untitled document" }),
      facts("/en/news/", { title: "News – Page 2 – Gesundheitswirtschaft" }),
    ]);
    expect(found.map((finding) => [finding.path, finding.message])).toEqual([
      ["/de/entwurf/", expect.stringContaining("is a placeholder") as unknown],
      ["/en/draft/", expect.stringContaining("is a placeholder") as unknown],
    ]);
  });
});

describe("consistent-navigation", () => {
  it("passes menus with the same items in the same order, a language switcher leading to each page's twin", () => {
    expect(consistentNavigationProbe.run(GOOD)).toEqual([]);
  });

  it("passes a menu with an item appended or left out, the others in the same relative order", () => {
    const appended = facts("/de/neu/", {
      menus: [{ name: "Hauptmenü", links: [...MENU, { href: "/de/daten/", name: "Daten" }] }],
    });
    const shorter = facts("/de/kurz/", { menus: [{ name: "Hauptmenü", links: MENU.slice(1) }] });
    expect(consistentNavigationProbe.run([...GOOD, appended, shorter])).toEqual([]);
  });

  it("fails the page whose menu has its items in another order", () => {
    const reordered = facts("/de/neu/", {
      menus: [{ name: "Hauptmenü", links: [...MENU].reverse() }],
    });
    const found = consistentNavigationProbe.run([...GOOD, reordered]);
    expect(found.map((finding) => [finding.path, finding.rule])).toEqual([
      ["/de/neu/", "consistent-navigation"],
    ]);
    expect(found[0]?.message).toMatch(
      /lists Quellen, Startseite in this order here, but Startseite, Quellen/,
    );
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

describe("consistent-help", () => {
  it("passes help in the same place on every page, and a page offering it in a second place too", () => {
    const twice = facts("/de/leicht/", {
      help: [{ ...HELP, region: "main", after: ["Gesundheitswirtschaft", "Startseite"] }, HELP],
    });
    expect(consistentHelpProbe.run([...GOOD, twice])).toEqual([]);
  });

  it("fails the page where the help link moved to another part of the page", () => {
    const moved = facts("/de/neu/", {
      help: [{ ...HELP, region: "header", after: ["Gesundheitswirtschaft"] }],
    });
    const found = consistentHelpProbe.run([...GOOD, moved]);
    expect(found.map((finding) => [finding.path, finding.rule])).toEqual([
      ["/de/neu/", "consistent-help"],
    ]);
    expect(found[0]?.message).toMatch(/stands in the header here, but in the footer/);
  });

  it("fails the page where it moved among the repeated links", () => {
    const moved = facts("/de/neu/", { help: [{ ...HELP, after: ["Gesundheitswirtschaft"] }] });
    expect(consistentHelpProbe.run([...GOOD, moved]).map((finding) => finding.path)).toEqual([
      "/de/neu/",
    ]);
  });
});
