import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cssImports,
  linkedAssets,
  pageHash,
  readCache,
  updateCache,
} from "../../../src/checks/a11y/cache.ts";
import { listSitePages } from "../../../src/checks/a11y/pages.ts";
import { cleanSiteFiles, temporaryDir, writeFiles } from "./fixtures.ts";

describe("linkedAssets", () => {
  it("lists the stylesheets and scripts a page loads, resolved against the page", () => {
    const html = `<link rel="preload stylesheet" href="../assets/a.css"><link rel="icon" href="/i.png">
<script src="/js/x.js"></script><script>inline()</script><link rel="stylesheet" href="https://cdn.example/b.css">`;
    expect(linkedAssets(html, "/de/nrw/")).toEqual([
      "/de/assets/a.css",
      "/js/x.js",
      "https://cdn.example/b.css",
    ]);
  });
});

describe("cssImports", () => {
  it("finds both @import forms", () => {
    expect(cssImports(`@import url("base.css");\n@import 'print.css' print;\nbody{}`)).toEqual([
      "base.css",
      "print.css",
    ]);
  });
});

describe("pageHash", () => {
  const setUp = () => {
    const dir = temporaryDir("hash");
    writeFiles(dir, {
      ...cleanSiteFiles(),
      "assets/site.css": '@import "parts.css";\nbody{}',
      "assets/parts.css": "a{}",
    });
    const page = listSitePages(dir).find((candidate) => candidate.path === "/de/");
    if (page === undefined) throw new Error("fixture has no /de/");
    return { dir, page };
  };

  it("stays the same while nothing changes", () => {
    const { dir, page } = setUp();
    expect(pageHash(dir, page, "gate")).toBe(pageHash(dir, page, "gate"));
  });

  it("changes with the page's HTML, an imported stylesheet, and the gate", () => {
    const { dir, page } = setUp();
    const before = pageHash(dir, page, "gate");
    expect(pageHash(dir, page, "another gate version")).not.toBe(before);
    writeFileSync(join(dir, "assets", "parts.css"), "a{color:red}");
    const afterCss = pageHash(dir, page, "gate");
    expect(afterCss).not.toBe(before);
    writeFileSync(join(dir, "de", "index.html"), "<!DOCTYPE html><p>changed</p>");
    expect(pageHash(dir, page, "gate")).not.toBe(afterCss);
  });

  it("gives no hash to a page without a built file", () => {
    const { dir, page } = setUp();
    expect(pageHash(dir, { ...page, file: null }, "gate")).toBeNull();
  });
});

describe("the cache file", () => {
  it("keeps other entries, forgets pages that stopped passing, and is void under another fingerprint", () => {
    const file = join(temporaryDir("cache"), "nested", "results.json");
    updateCache(file, "fp", { "/de/": "h1", "/en/": "h2" }, []);
    updateCache(file, "fp", { "/": "h3" }, ["/en/"]);
    expect(readCache(file, "fp")).toEqual({ "/de/": "h1", "/": "h3" });
    expect(readCache(file, "other fingerprint")).toEqual({});
  });

  it("treats a damaged cache file as empty", () => {
    const file = join(temporaryDir("cache"), "results.json");
    writeFileSync(file, "{ not json");
    expect(readCache(file, "fp")).toEqual({});
  });
});
