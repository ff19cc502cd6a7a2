import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, it } from "vitest";
import { editFile } from "../support/project.ts";
import {
  buildCopy,
  copyWithPublishedSite,
  expectEditorFailure,
  expectRefusedBuild,
  replaceOnce,
  setLocaleString,
} from "./support.ts";

const facts = "data/facts.ts";

/** Edits one fact of `data/facts.ts`, from its id to the end of its entry. */
function editFact(id: string, edit: (entry: string) => string): (root: string) => Promise<void> {
  return (root) =>
    editFile(root, facts, (text) => {
      const start = text.indexOf(`"${id}": {`);
      const end = text.indexOf("\n  },", start);
      if (start === -1 || end === -1) throw new Error(`${facts} has no fact "${id}"`);
      return text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end);
    });
}

describe("a build with a mistake in a locale file", () => {
  it("stops at a file that is not valid JSON, naming the file, line and column", async () => {
    const result = await buildCopy((root) =>
      editFile(root, "locales/en/common.json", (text) => {
        // The comma after the first entry is missing; the next entry starts at line 3, column 3.
        const lines = text.split("\n");
        lines[1] = replaceOnce(lines[1] ?? "", /,$/, "");
        return lines.join("\n");
      }),
    );
    expectEditorFailure(result, "locales/en/common.json:3:3", "not valid JSON");
  });

  it("stops at a missing string, naming the file, key, language and page", async () => {
    const result = await buildCopy((root) =>
      editFile(root, "locales/en/common.json", (text) =>
        replaceOnce(text, /^ {2}"skipLink": .*\n/m, ""),
      ),
    );
    expectEditorFailure(
      result,
      "locales/en/common.json (common.skipLink)",
      'is missing in language "en"',
      "(on src/site/en/",
    );
  });
});

describe("a build with a mistake in a data module", () => {
  it("stops at a value of the wrong type, naming the module and field", async () => {
    const result = await buildCopy(
      editFact("nrw.employees", (entry) =>
        replaceOnce(entry, "value: 1_100_000,", 'value: "1,1 Millionen",'),
      ),
    );
    expectEditorFailure(result, `${facts} (nrw.employees.value)`, "expected number");
  });

  it("stops at a negative count, naming the module and field", async () => {
    const result = await buildCopy(
      editFact("berlinBrandenburg.companies", (entry) =>
        replaceOnce(entry, "value: 21_400,", "value: -21_400,"),
      ),
    );
    expectEditorFailure(result, `${facts} (berlinBrandenburg.companies.value)`, ">=0");
  });

  it("stops at a fact whose source data/sources.ts does not list, naming the field", async () => {
    const result = await buildCopy(
      editFact("nrw.revenue", (entry) =>
        replaceOnce(entry, 'source: "lzg",', 'source: "landeszentrum",'),
      ),
    );
    expectEditorFailure(
      result,
      `${facts} (nrw.revenue.source)`,
      'names the source "landeszentrum", which data/sources.ts does not list',
    );
  });
});

describe("a build with values and names that would go wrong quietly", () => {
  let root: string;

  beforeAll(async () => {
    root = await copyWithPublishedSite();
  });

  it("stops at a $t() reference to a text that does not exist, naming the file and key", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        setLocaleString(
          copy,
          "locales/de/common.json",
          ["skipLink"],
          "Zum Inhalt $t(common.nothing)",
        ),
      "locales/de/common.json:3:3 (common.skipLink)",
      '"$t(common.nothing)" names a text that does not exist',
    );
  });

  it("stops at $t() references that loop, naming the file and key", async () => {
    await expectRefusedBuild(
      root,
      async (copy) => {
        const file = "locales/de/common.json";
        await setLocaleString(copy, file, ["skipLink"], "Zum Inhalt $t(common.externalLink)");
        await setLocaleString(copy, file, ["externalLink"], "$t(common.skipLink)");
      },
      "locales/de/common.json:",
      "(common.",
      "go round in a loop",
    );
  });

  it("stops at a locale file with a value missing, naming the line and column the parser's message leaves out", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        editFile(copy, "locales/de/common.json", (text) =>
          replaceOnce(text, /"skipLink": "[^"]*"/, '"skipLink": '),
        ),
      "locales/de/common.json:3:15: this is not valid JSON",
    );
  });

  it.each(["constructor", "__proto__", "toString"])(
    'stops at the fact id "%s" as an unknown fact, naming the file and fact',
    async (id) => {
      await expectRefusedBuild(
        root,
        (copy) =>
          editFile(copy, "src/site/de/index.md", (text) =>
            replaceOnce(text, '{% fact "nrw.revenue" %}', `{% fact "${id}" %}`),
          ),
        `src/site/de/index.md (${id}): uses the fact "${id}", which data/facts.ts does not define`,
      );
    },
  );

  it("stops at a figure too large to write, naming the module and field", async () => {
    await expectRefusedBuild(
      root,
      editFact("nrw.revenue", (entry) =>
        replaceOnce(entry, "value: 58_000_000_000,", "value: 1e308,"),
      ),
      `${facts} (nrw.revenue.value)`,
      "at most 1e15",
    );
  });

  it("stops at a data module that throws, naming the module and its error", async () => {
    await expectRefusedBuild(
      root,
      (copy) =>
        editFile(copy, "data/regions.ts", (text) =>
          replaceOnce(
            text,
            "export default {",
            'throw new RangeError("Tabelle fehlt");\nexport default {',
          ),
        ),
      "data/regions.ts: the data module could not be loaded: RangeError: Tabelle fehlt",
    );
  });

  it("stops at a data module that is not valid TypeScript, naming the module, line and column", async () => {
    await expectRefusedBuild(
      root,
      (copy) => writeFile(path.join(copy, "data/site.ts"), "export default { ;\n"),
      'data/site.ts:1:17: the data module is not valid TypeScript: Expected identifier but found ";"',
    );
  });
});
