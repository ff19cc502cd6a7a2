import { describe, expect, it } from "vitest";
import { contentErrorOf } from "../support/errors.ts";
import {
  frontMatterLine,
  indexTranslations,
  validateFrontMatter,
  type PageEntry,
} from "../../src/lib/pages.ts";

function page(inputPath: string, url: string, data: Record<string, unknown>): PageEntry {
  return { inputPath, url, data: { title: url, description: "d", ...data }, body: "Text.\n" };
}

describe("indexTranslations", () => {
  it("pairs pages with translated file names by their translation key", () => {
    const translations = indexTranslations([
      page("./src/site/de/nordrhein-westfalen.md", "/de/nordrhein-westfalen/", {
        translationKey: "nrw",
      }),
      page("./src/site/en/north-rhine-westphalia.md", "/en/north-rhine-westphalia/", {
        translationKey: "nrw",
      }),
    ]);
    expect(translations.nrw?.de?.url).toBe("/de/nordrhein-westfalen/");
    expect(translations.nrw?.en?.url).toBe("/en/north-rhine-westphalia/");
  });

  it("ignores templates outside the language folders", () => {
    expect(indexTranslations([page("./src/index.njk", "/", {})])).toEqual({});
  });

  it("refuses a page without its twin, naming the page and what to add", () => {
    const error = contentErrorOf(() =>
      indexTranslations([
        page("./src/site/de/quellen.md", "/de/quellen/", { translationKey: "sources" }),
      ]),
    );
    expect(error.location).toEqual({ file: "src/site/de/quellen.md", key: "translationKey" });
    expect(error.message).toMatch(/no English twin.*src\/site\/en\/.*translationKey: sources/);
  });

  it("accepts a page in one language when its front matter says why", () => {
    const translations = indexTranslations([
      page("./src/site/de/termine.md", "/de/termine/", {
        translationKey: "dates",
        onlyInThisLanguage: "German events only",
      }),
    ]);
    expect(translations.dates?.de).toBeDefined();
  });

  it("refuses two pages with the same key in one language", () => {
    const error = contentErrorOf(() =>
      indexTranslations([
        page("./src/site/de/a.md", "/de/a/", { translationKey: "x" }),
        page("./src/site/de/b.md", "/de/b/", { translationKey: "x" }),
      ]),
    );
    expect(error.location.file).toBe("src/site/de/b.md");
    expect(error.message).toContain("src/site/de/a.md");
  });

  it("refuses two pages with the same title in one language", () => {
    const error = contentErrorOf(() =>
      indexTranslations([
        page("./src/site/de/a.md", "/de/a/", { translationKey: "a", title: "Gleich" }),
        page("./src/site/de/b.md", "/de/b/", { translationKey: "b", title: "Gleich" }),
      ]),
    );
    expect(error.location).toEqual({ file: "src/site/de/b.md", key: "title" });
  });

  it("names a missing front-matter field", () => {
    const error = contentErrorOf(() =>
      indexTranslations([
        {
          inputPath: "./src/site/de/a.md",
          url: "/de/a/",
          data: { title: "A", translationKey: "a" },
          body: "Text.\n",
        },
      ]),
    );
    expect(error.location).toEqual({ file: "src/site/de/a.md", key: "description" });
    expect(error.message).toContain('lacks the field "description"');
  });

  it("uses the title in menus unless a shorter navTitle is given", () => {
    const translations = indexTranslations([
      page("./src/site/de/a.md", "/de/a/", {
        translationKey: "a",
        title: "Langer Titel",
        navTitle: "Kurz",
      }),
      page("./src/site/en/a.md", "/en/a/", { translationKey: "a", title: "Long title" }),
    ]);
    expect(translations.a?.de?.navTitle).toBe("Kurz");
    expect(translations.a?.en?.navTitle).toBe("Long title");
  });
});

describe("frontMatterLine", () => {
  it("finds the line of a top-level field", () => {
    expect(frontMatterLine("---\ntitle: A\ntranslationKey: a\n---\n", "translationKey")).toBe(3);
    expect(frontMatterLine("---\ntitle: A\n---\n", "description")).toBeUndefined();
  });
});

describe("validateFrontMatter", () => {
  const valid = { title: "T", description: "D", translationKey: "k" };
  const file = "src/site/de/k.md";

  it("accepts the fields pages may use", () => {
    expect(
      validateFrontMatter(
        {
          ...valid,
          navTitle: "N",
          onlyInThisLanguage: "Nur hier",
          sitemap: false,
          permalink: "/de/404.html",
          layout: "layouts/publisher.njk",
          publisherFields: ["email"],
          easyLanguage: true,
          translatedFrom: "0123456789ab",
        },
        file,
      ),
    ).toMatchObject({ easyLanguage: true, permalink: "/de/404.html" });
  });

  it.each(["templateEngineOverride", "eleventyExcludeFromCollections", "eleventyComputed", "lang"])(
    "refuses the field %s, naming it",
    (key) => {
      const error = contentErrorOf(() => validateFrontMatter({ ...valid, [key]: "x" }, file));
      expect(error.location).toEqual({ file, key });
      expect(error.message).toContain("is not a front matter field pages may use");
    },
  );

  it.each([
    "../../../tmp/x",
    "/de/../../x/",
    "/de/a//b/",
    "/de\\x/",
    "/assets/site.css",
    "/sitemap.xml",
    "de/x/",
    "/de/Über-uns/",
    "/de/{{ title }}/",
  ])("refuses the permalink %s", (permalink) => {
    const error = contentErrorOf(() => validateFrontMatter({ ...valid, permalink }, file));
    expect(error.location).toEqual({ file, key: "permalink" });
  });

  it.each(["/de/", "/de/ueber-uns/", "/en/404.html", "/de/a/b/"])(
    "accepts the permalink %s",
    (permalink) => {
      expect(validateFrontMatter({ ...valid, permalink }, file).permalink).toBe(permalink);
    },
  );
});
