import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cssReferences,
  gateCodeHash,
  gateFingerprint,
  linkedAssets,
  pageHash,
  readCache,
  updateCache,
} from "../../../src/checks/a11y/cache.ts";
import { listSitePages } from "../../../src/checks/a11y/pages.ts";
import { cleanSiteFiles, temporaryDir, writeFiles } from "./fixtures.ts";

describe("linkedAssets", () => {
  it("lists the stylesheets, scripts and images a page loads, and what its own styles refer to, resolved against the page", () => {
    const html = `<link rel="preload stylesheet" href="../assets/a.css"><link rel="icon" href="/i.png">
<script src="/js/x.js"></script><script>inline()</script><link rel="stylesheet" href="https://cdn.example/b.css">
<img src="pic.png" srcset="/p-1.png 1x, /p-2.png 2x"><img src="data:image/png;base64,AAAA">
<style>.hero { background: url("/assets/hero.jpg"); }</style><div style="background-image: url(bg.png)"></div>`;
    expect(linkedAssets(html, "/de/nrw/")).toEqual([
      "/de/assets/a.css",
      "/js/x.js",
      "https://cdn.example/b.css",
      "/de/nrw/pic.png",
      "/p-1.png",
      "/p-2.png",
      "/assets/hero.jpg",
      "/de/nrw/bg.png",
    ]);
  });
});

describe("cssReferences", () => {
  it("finds both @import forms and the images and fonts a stylesheet uses, but no data URLs", () => {
    expect(
      cssReferences(
        `@import url("base.css");\n@import 'print.css' print;\nbody{background:url(/bg.png)}\n@font-face{src:url("f.woff2")}\ni{background:url(data:image/svg+xml,x)}`,
      ),
    ).toEqual(["base.css", "print.css", "/bg.png", "f.woff2"]);
  });
});

describe("gateCodeHash", () => {
  it("is a hash of the gate's own modules, the same within a run", () => {
    expect(gateCodeHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(gateCodeHash()).toBe(gateCodeHash());
  });
});

describe("pageHash", () => {
  const setUp = () => {
    const dir = temporaryDir("hash");
    writeFiles(dir, {
      ...cleanSiteFiles(),
      "assets/site.css": '@import "parts.css";\nbody{}',
      "assets/parts.css": "a{background:url(bg.png)}",
      "assets/bg.png": "one picture",
    });
    const page = listSitePages(dir).find((candidate) => candidate.path === "/de/");
    if (page === undefined) throw new Error("fixture has no /de/");
    return { dir, page };
  };

  it("stays the same while nothing changes", () => {
    const { dir, page } = setUp();
    expect(pageHash(dir, page, "gate")).toBe(pageHash(dir, page, "gate"));
  });

  it("changes with the page's HTML, an imported stylesheet, a picture it uses, and the gate", () => {
    const { dir, page } = setUp();
    const before = pageHash(dir, page, "gate");
    expect(pageHash(dir, page, "another gate version")).not.toBe(before);
    writeFileSync(join(dir, "assets", "bg.png"), "another picture");
    const afterPicture = pageHash(dir, page, "gate");
    expect(afterPicture).not.toBe(before);
    writeFileSync(join(dir, "assets", "parts.css"), "a{color:red}");
    const afterCss = pageHash(dir, page, "gate");
    expect(afterCss).not.toBe(afterPicture);
    writeFileSync(join(dir, "de", "index.html"), "<!DOCTYPE html><p>changed</p>");
    expect(pageHash(dir, page, "gate")).not.toBe(afterCss);
  });

  it("gives no hash to a page without a built file", () => {
    const { dir, page } = setUp();
    expect(pageHash(dir, { ...page, file: null }, "gate")).toBeNull();
  });
});

describe("gateFingerprint", () => {
  const project = (pa11yConfig: string) => {
    const dir = temporaryDir("project");
    writeFileSync(join(dir, ".pa11yci.cjs"), pa11yConfig);
    writeFileSync(join(dir, ".htmlvalidate.cjs"), "module.exports = {};");
    return dir;
  };

  it("is the same for two copies of a project in different folders: it holds no paths", () => {
    expect(gateFingerprint(project("a"))).toBe(gateFingerprint(project("a")));
  });

  it("changes when a configuration file changes", () => {
    expect(gateFingerprint(project("a"))).not.toBe(gateFingerprint(project("b")));
  });
});

describe("the cache file", () => {
  it("keeps other entries, forgets pages that stopped passing, and is void under another fingerprint", () => {
    const file = join(temporaryDir("cache"), "nested", "results.json");
    const entry = (hash: string, path: string) => ({
      hash,
      facts: { path, language: "de", title: path, menus: [], sharedLinks: [], help: [] },
      undecided: [],
    });
    updateCache(file, "fp", { "/de/": entry("h1", "/de/"), "/en/": entry("h2", "/en/") }, []);
    updateCache(file, "fp", { "/": entry("h3", "/") }, ["/en/"]);
    expect(readCache(file, "fp")).toEqual({ "/de/": entry("h1", "/de/"), "/": entry("h3", "/") });
    expect(readCache(file, "other fingerprint")).toEqual({});
  });

  it("treats a damaged cache file as empty", () => {
    const file = join(temporaryDir("cache"), "results.json");
    writeFileSync(file, "{ not json");
    expect(readCache(file, "fp")).toEqual({});
  });
});
