import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, it } from "vitest";
import { editFile } from "../support/project.ts";
import { copyWithPublishedSite, expectRefusedBuild, replaceOnce } from "./support.ts";

const page = "src/site/de/quellen.md";
/** A page without a layout or permalink of its own, for fields added to its front matter. */
const plainPage = "src/site/de/berlin-brandenburg.md";

/** The file line a paragraph appended by `appendToPage` starts on. */
async function appendedLine(root: string, file: string): Promise<number> {
  return (await readFile(path.join(root, file), "utf8")).trimEnd().split("\n").length + 2;
}

/** Appends a paragraph to a page, after a blank line. */
function appendToPage(file: string, paragraph: string) {
  return (root: string) => editFile(root, file, (text) => `${text.trimEnd()}\n\n${paragraph}\n`);
}

/** Adds a front matter field before the page's title line (line 2), in place of the page's own. */
function addField(field: string, file = plainPage) {
  const name = field.slice(0, field.indexOf(":"));
  return (root: string) =>
    editFile(root, file, (text) =>
      replaceOnce(
        text.replace(new RegExp(`^${name}:.*\n`, "m"), ""),
        /^title: /m,
        `${field}\ntitle: `,
      ),
    );
}

let root: string;

beforeAll(async () => {
  root = await copyWithPublishedSite();
});

describe("template code in a page", () => {
  it.each([
    [
      "JavaScript through a constructor",
      '{{ "".constructor.constructor("return process.env.HOME")() }}',
    ],
    ["an include of a repository file", '{% include "../../package.json" %}'],
    ["an include of the git configuration", '{% include "../../.git/config" %}'],
    ["a loop over data", "{% for x in regions.nrw.healthRegions %}{{ x.name }}{% endfor %}"],
    ["a raw block", '{% raw %}{% fact "nrw.revenue" %}{% endraw %}'],
  ])("stops the build at %s, naming the file, line and column", async (_kind, code) => {
    const line = await appendedLine(root, page);
    await expectRefusedBuild(
      root,
      appendToPage(page, `Text davor ${code}`),
      `${page}:${line}:12:`,
      "is template code, which pages cannot run",
    );
  });

  it("is refused between escaped backticks, which Markdown shows as text, not as code", async () => {
    const line = await appendedLine(root, page);
    await expectRefusedBuild(
      root,
      appendToPage(page, "Rechnung: \\`{{ 7*7 }}\\`"),
      `${page}:${line}:13: "{{ 7*7 }}\`" is template code`,
    );
  });

  it.each([
    ["spaces after the closing ---", "---  "],
    ["a word after the closing ---", "--- Ende"],
  ])(
    "is counted in lines of the file after a front matter closed with %s, as Eleventy closes it",
    async (_case, closing) => {
      await expectRefusedBuild(
        root,
        (copy) =>
          editFile(copy, page, (text) =>
            replaceOnce(text, "---\nAlle", `${closing}\n{{ x }}\nAlle`),
          ),
        `${page}:7:1:`,
      );
    },
  );

  it("is counted in lines of the file as the editor sees it, front matter included", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        editFile(copy, page, (text) => replaceOnce(text, "---\nAlle", "---\n{{ x }}\nAlle")),
      `${page}:7:1:`,
    );
  });
});

describe("front matter", () => {
  it.each([
    ["templateEngineOverride: njk\nlayout: false", "templateEngineOverride"],
    ["eleventyExcludeFromCollections: true", "eleventyExcludeFromCollections"],
    ["eleventyComputed:\n  title: x", "eleventyComputed"],
  ])(
    "stops the build at a field pages may not use (%s), naming the file, line and field",
    async (field, key) => {
      await expectRefusedBuild(
        root,
        addField(field, plainPage),
        `${plainPage}:2 (${key}): "${key}" is not a front matter field pages may use`,
      );
    },
  );

  it.each([
    [
      "a field written in quotes",
      '"tags": [a]',
      "tags",
      '"tags" is not a front matter field pages may use',
    ],
    [
      "a YAML merge key",
      "<<: {templateEngineOverride: njk}",
      "<<",
      '"<<" (a YAML merge key) is not read in front matter: write each field out',
    ],
    [
      "a layout switched off",
      "layout: false",
      "layout",
      'the front matter field "layout" must be a text, not false: a layout gives the page the site\'s frame',
    ],
    [
      "a list where a text belongs",
      "navTitle: [a]",
      "navTitle",
      'the front matter field "navTitle" must be a text, not ["a"]',
    ],
  ])(
    "stops the build at %s, naming the file, line and field and what is wrong",
    async (_case, field, key, message) => {
      await expectRefusedBuild(root, addField(field), `${plainPage}:2 (${key}): ${message}`);
    },
  );

  it.each(["--- js"])(
    "stops the build at front matter of another kind (%s), naming the file and line",
    async (opening) => {
      await expectRefusedBuild(
        root,
        (copy) => editFile(copy, plainPage, (text) => replaceOnce(text, /^---\n/, `${opening}\n`)),
        `${plainPage}:1: front matter is written in YAML between two "---" lines; other kinds ("---${opening.replace(/^--- ?/, "")}") are not read`,
      );
    },
  );

  it("stops the build at a field a folder's data file may not set, naming the file, line and field", async () => {
    const file = "src/site/en/en.11tydata.json";
    await expectRefusedBuild(
      root,
      (copy) =>
        writeFile(
          path.join(copy, file),
          '{\n  "lang": "en",\n  "layout": "page",\n  "templateEngineOverride": "njk"\n}\n',
        ),
      `${file}:4 (templateEngineOverride)`,
    );
  });

  it("stops the build at a folder's data file that is not valid JSON, naming the line and column", async () => {
    const file = "src/site/en/en.11tydata.json";
    await expectRefusedBuild(
      root,
      (copy) => writeFile(path.join(copy, file), '{\n  "lang": "en",\n  "layout": \n}\n'),
      `${file}:4:1: this is not valid JSON`,
    );
  });

  it.each(["../../package.json", "layouts/nonexistent.njk"])(
    "stops the build at a layout that is not one of the site's (%s), naming the file and field",
    async (layout) => {
      await expectRefusedBuild(
        root,
        addField(`layout: ${layout}`, plainPage),
        `${plainPage}:2 (layout)`,
        "is not a layout of this site",
      );
    },
  );

  it("stops the build at a permalink with template code, naming the file and field", async () => {
    await expectRefusedBuild(
      root,
      addField('permalink: "/de/{{ title }}/"'),
      `${plainPage}:2 (permalink)`,
    );
  });
});

describe("layouts", () => {
  it("may include only templates from src/site/_includes/, naming the file asked for", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        editFile(copy, "src/site/_includes/layouts/sources.njk", (text) =>
          replaceOnce(
            text,
            "{{ content | safe }}",
            '{{ content | safe }}{% include "../../../package.json" %}',
          ),
        ),
      "src/package.json, which is not in src/site/_includes/",
    );
  });
});

describe("a mistake in a layout", () => {
  it("is named at its line in the file as the developer sees it, front matter included", async () => {
    const layout = "src/site/_includes/layouts/sources.njk";
    const line = await appendedLine(root, layout);
    await expectRefusedBuild(
      root,
      appendToPage(layout, "{{ notDefined.field }}"),
      `${layout}:${line}:`,
      "the template stopped here",
    );
  });
});

describe("text that would silently go wrong", () => {
  it("stops the build at a page that is not saved as UTF-8, naming the file", async () => {
    await expectRefusedBuild(
      root,
      async (copy) => {
        const text = await readFile(path.join(copy, page), "utf8");
        await writeFile(path.join(copy, page), Buffer.from(text, "latin1"));
      },
      `${page}: is not saved as UTF-8`,
    );
  });

  it("stops the build at a locale file that is not saved as UTF-8, naming the file", async () => {
    const file = "locales/de/common.json";
    await expectRefusedBuild(
      root,
      async (copy) => {
        const text = await readFile(path.join(copy, file), "utf8");
        await writeFile(path.join(copy, file), Buffer.from(text, "latin1"));
      },
      `${file}: is not saved as UTF-8`,
    );
  });

  it("stops the build at blockquotes nested deeper than Markdown renders, naming the file and line", async () => {
    const line = await appendedLine(root, page);
    await expectRefusedBuild(
      root,
      appendToPage(page, `${"> ".repeat(120)}Zitat`),
      `${page}:${line}: blockquotes or lists are nested more than 100 levels deep`,
    );
  });

  it("stops the build at a page file name that is no address, naming the file", async () => {
    const file = "src/site/de/Über uns.md";
    await expectRefusedBuild(
      root,
      async (copy) => {
        const text = await readFile(path.join(copy, "src/site/de/quellen.md"), "utf8");
        await writeFile(
          path.join(copy, file),
          text.replace(
            "translationKey: sources",
            "translationKey: about\nonlyInThisLanguage: Test",
          ),
        );
      },
      `${file}: the file name is the page's address`,
    );
  });
});
