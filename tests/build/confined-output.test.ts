import { existsSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInProcess, editFile } from "../support/project.ts";
import {
  copyOfCopy,
  copyWithPublishedSite,
  expectRefusedBuild,
  hashFiles,
  replaceOnce,
} from "./support.ts";

const page = "src/site/de/quellen.md";

function setPermalink(permalink: string, file = page) {
  return (root: string) =>
    editFile(root, file, (text) =>
      replaceOnce(text, /^title: /m, `permalink: ${JSON.stringify(permalink)}\ntitle: `),
    );
}

let root: string;

beforeAll(async () => {
  root = await copyWithPublishedSite();
});

describe("a page's permalink", () => {
  it("cannot write a file outside the project", async () => {
    const escape = `gw-escape-${process.pid}-${Date.now()}`;
    await expectRefusedBuild(
      root,
      setPermalink(`../../${escape}/index.html`),
      `${page}:2 (permalink)`,
      "under the page's language folder",
    );
    expect(existsSync(path.join(tmpdir(), escape))).toBe(false);
  });

  it.each([
    ["the published site", "../_site/de/index.html"],
    ["an absolute path", "/tmp/gw-absolute/index.html"],
    ["the stylesheet", "/assets/site.css"],
    ["the sitemap", "/sitemap.xml"],
    ["the security headers", "/_headers"],
    ["the other language's pages", "/en/index.html"],
  ])("cannot write over %s (%s)", async (_name, permalink) => {
    await expectRefusedBuild(root, setPermalink(permalink), `${page}:2 (permalink)`, "permalink");
  });

  it("is accepted under its own language folder", async () => {
    const copy = await copyOfCopy(root);
    // A page no Markdown links to, so the old address is not missed.
    await setPermalink("/de/datenschutz-hinweise/", "src/site/de/datenschutz.md")(copy);
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(path.join(copy, "_site/de/datenschutz-hinweise/index.html"))).toBe(true);
  });
});

describe("files the build reads", () => {
  it.each([
    ["a page", "src/site/de/passwort.md", "/etc/passwd"],
    ["a folder of pages", "src/site/de/mehr", "/etc"],
    ["an asset", "src/site/assets/passwd.txt", "/etc/passwd"],
    ["a data module", "data/extra.ts", "/etc/passwd"],
    ["a locale file", "locales/de/extra.json", "/etc/passwd"],
  ])("refuses a symbolic link as %s, naming its path", async (_kind, link, target) => {
    await expectRefusedBuild(
      root,
      (copy) => symlink(target, path.join(copy, link)),
      `${link}: is a symbolic link`,
    );
  });

  it.each([
    ["a JavaScript template, which would run code", "src/site/de/seite.11ty.js"],
    ["a Nunjucks page in a language folder", "src/site/de/seite.njk"],
    ["a global data file", "src/site/_data/extra.json"],
    ["a page outside the language folders", "src/site/seite.md"],
    ["a template among the assets", "src/site/assets/seite.md"],
  ])("refuses %s, naming it", async (_kind, file) => {
    await expectRefusedBuild(
      root,
      async (copy) => {
        await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
        await writeFile(path.join(copy, file), "---\ntitle: x\n---\n");
      },
      `${file}: does not belong in src/site/`,
    );
  });
});

describe("two builds at once", () => {
  it("refuses the second while the first holds the lock, naming the process", async () => {
    // The test runner's own process stands for a build that is still running.
    await expectRefusedBuild(
      root,
      (copy) => writeFile(path.join(copy, "_site.lock"), String(process.pid)),
      `another build (process ${process.pid}) is publishing into _site/`,
    );
  });

  it("takes over a lock left by a build that no longer runs", async () => {
    const copy = await copyOfCopy(root);
    const before = await hashFiles(copy);
    // Process ids are below 2^22 on Linux: this one cannot be running.
    await writeFile(path.join(copy, "_site.lock"), String(2 ** 22 + 1));
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    expect(await hashFiles(copy)).toEqual(before);
  });
});
