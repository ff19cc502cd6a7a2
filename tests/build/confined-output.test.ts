import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInProcess, editFile } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";
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
    ["the locale folder", "locales"],
    ["the site folder", "src/site"],
  ])(
    "refuses %s as a symbolic link to a folder outside the project, naming it",
    async (_kind, folder) => {
      await expectRefusedBuild(
        root,
        async (copy) => {
          const outside = await makeTempDir("gw-outside-");
          await rename(path.join(copy, folder), path.join(outside, "moved"));
          await symlink(path.join(outside, "moved"), path.join(copy, folder));
        },
        `${folder}: is a symbolic link`,
      );
    },
  );

  it.each([
    ["a JavaScript template, which would run code", "src/site/de/seite.11ty.js"],
    ["a Nunjucks page in a language folder", "src/site/de/seite.njk"],
    ["a global data file", "src/site/_data/extra.json"],
    ["a page outside the language folders", "src/site/seite.md"],
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

  it("refuses a data module not saved as UTF-8, naming it, before it could publish garbled text", async () => {
    const file = "data/sources.ts";
    await expectRefusedBuild(
      root,
      async (copy) => {
        const text = await readFile(path.join(copy, file), "utf8");
        expect(text).toMatch(/[äöüß]/);
        await writeFile(path.join(copy, file), Buffer.from(text, "latin1"));
      },
      `${file}: is not saved as UTF-8`,
    );
  });
});

const script = "<script>document.title = 'x'</script>";

describe("files published as they are", () => {
  it.each([
    [
      "an HTML page with another extension",
      "src/site/assets/p5.htm",
      `<!DOCTYPE html>${script}`,
      "is not a type of file the site publishes from assets/",
    ],
    [
      "a template among the assets",
      "src/site/assets/seite.md",
      "---\ntitle: x\n---\n",
      "is not a type of file the site publishes from assets/",
    ],
    [
      "a hidden HTML page",
      "src/site/assets/.hidden.html",
      `<!DOCTYPE html>${script}`,
      'is hidden (".hidden.html" starts with a dot)',
    ],
    [
      "a hidden folder",
      "src/site/assets/.git/config",
      "[core]",
      'is hidden (".git" starts with a dot)',
    ],
    [
      "an SVG that runs a script",
      "src/site/assets/logo.svg",
      `<svg xmlns="http://www.w3.org/2000/svg">\n${script}</svg>`,
      "2: is not a passive image: it has a <script> element",
    ],
    [
      "an HTML page named as an image",
      "src/site/assets/foto.png",
      `<!DOCTYPE html>${script}`,
      "is named as a PNG image but is not one",
    ],
  ])("refuses %s, naming it and saying why", async (_kind, file, content, reason) => {
    await expectRefusedBuild(
      root,
      async (copy) => {
        await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
        await writeFile(path.join(copy, file), content);
      },
      `${file}:`,
      reason,
    );
  });

  it.each([
    [
      "an XHTML page among the assets",
      "/assets/p5.xht",
      "which is not a type of file the site publishes from assets/",
    ],
    [
      "XML among the assets",
      "/assets/p6.xml",
      "which is not a type of file the site publishes from assets/",
    ],
    [
      "XML a browser renders as XHTML",
      "/p7.xml",
      "which holds the element <html> of http://www.w3.org/1999/xhtml",
    ],
    ["an HTML page named .shtml", "/seite.shtml", "which is not a file the site publishes"],
  ])(
    "refuses a template beside the site's own that writes %s, naming the template and its permalink",
    async (_kind, permalink, reason) => {
      await expectRefusedBuild(
        root,
        (copy) =>
          writeFile(
            path.join(copy, "src/site/evil.njk"),
            `---\npermalink: ${permalink}\n---\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${script}</body></html>\n`,
          ),
        `src/site/evil.njk:2 (permalink): writes _site${permalink}`,
        reason,
      );
    },
  );

  it("refuses an SVG whose fill loads a file from another site, naming its line", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        writeFile(
          path.join(copy, "src/site/assets/logo.svg"),
          '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="9" height="9" fill="url(https://evil.example/p.svg#g)"/></svg>',
        ),
      'src/site/assets/logo.svg:2: is not a passive image: it <rect fill="url(https://evil.example/p.svg#g)"> loads another file',
    );
  });

  it("refuses an asset named like the files the build fingerprints, which browsers keep for a year", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        writeFile(
          path.join(copy, "src/site/assets/foto.0123456789.png"),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        ),
      "src/site/assets/foto.0123456789.png: has a name of the form the build gives the files it fingerprints",
    );
  });

  it("publishes a text file a template writes beside the sitemap", async () => {
    const copy = await copyOfCopy(root);
    await writeFile(
      path.join(copy, "src/site/humans.njk"),
      "---\npermalink: /humans.txt\neleventyExcludeFromCollections: true\n---\nTeam: Beispielamt\n",
    );
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    expect(await readFile(path.join(copy, "_site/humans.txt"), "utf8")).toBe("Team: Beispielamt\n");
  });

  it("publishes a passive image and font beside the stylesheet", async () => {
    const copy = await copyOfCopy(root);
    const assets = path.join(copy, "src/site/assets");
    await writeFile(
      path.join(assets, "schrift.woff2"),
      Buffer.from("wOF2\u0000\u0001\u0000\u0000"),
    );
    await writeFile(
      path.join(assets, "kreuz.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
    );
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(path.join(copy, "_site/assets/schrift.woff2"))).toBe(true);
    expect(existsSync(path.join(copy, "_site/assets/kreuz.svg"))).toBe(true);
  });
});

describe("two builds at once", () => {
  const lockOf = (pid: number) => `${pid}\n${randomUUID()}\n`;

  it("refuses the second while the first holds the lock, naming the process", async () => {
    // The test runner's own process stands for a build that is still running.
    await expectRefusedBuild(
      root,
      (copy) => writeFile(path.join(copy, "_site.lock"), lockOf(process.pid)),
      `another process (${process.pid}) is publishing into _site/ right now`,
    );
  });

  it("takes over a lock left by a build that no longer runs", async () => {
    const copy = await copyOfCopy(root);
    const before = hashFiles(copy);
    // Process ids are below 2^22 on Linux: this one cannot be running.
    await writeFile(path.join(copy, "_site.lock"), lockOf(2 ** 22 + 1));
    const result = await buildInProcess(copy);
    expect(result.status, result.output).toBe(0);
    expect(hashFiles(copy)).toEqual(before);
  });

  it("refuses a folder where the lock file belongs, with a message saying what to do", async () => {
    await expectRefusedBuild(
      root,
      (copy) => mkdir(path.join(copy, "_site.lock")),
      "_site.lock is a folder, where the lock file for publishing into _site/ belongs: remove it",
    );
  });

  it("lets exactly one of two builds started at the same moment publish", async () => {
    const copy = await copyOfCopy(root);
    const before = hashFiles(copy);
    // In one process, at one instant: their file operations interleave as those of two
    // processes do (tests/lib/lock-file.test.ts races processes, 20 rounds).
    const [first, second] = await Promise.all([buildInProcess(copy), buildInProcess(copy)]);
    const results = [first, second].sort((a, b) => (a.status ?? 0) - (b.status ?? 0));
    expect(results.map((result) => result.status)).toEqual([0, 1]);
    expect(results[1]?.output).toMatch(
      /another process \(\d+\) is publishing into _site\/ right now/,
    );
    expect(hashFiles(copy)).toEqual(before);
  });
});
