import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createExchangeFixture,
  editExchange,
  exchange,
  exported,
  lineOf,
  projectSnapshot,
  runExport,
  runImport,
  writeFiles,
} from "./fixture.ts";

type Format = "xliff12" | "xliff20";

/** Where a target of the fixture's export starts, in each format. */
const targetStart: Record<Format, string> = {
  xliff12: '<target state="final">',
  xliff20: '<target xml:space="preserve">',
};

/** Imports the exchange file and expects it refused: exit 1, the problem first, no byte changed. */
async function expectRefused(
  root: string,
  before: Map<string, string>,
  place: string,
  message: RegExp,
): Promise<string> {
  const result = await runImport([exchange], root);
  expect(result.exitCode).toBe(1);
  const [first] = result.stderr.split("\n");
  expect(first).toContain(place);
  expect(first).toMatch(message);
  expect(result.stderr).toContain("Nothing was imported");
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(await projectSnapshot(root)).toEqual(before);
  return result.stderr;
}

/** A translator's edit of one target, and what the import must say about it. */
interface TypedCase {
  what: string;
  id: string;
  /** The target's text to find (after the target's start tag) and what the translator typed instead. */
  search: Record<Format, string>;
  replacement: Record<Format, string>;
  message: RegExp;
}

const typedCases: TypedCase[] = [
  {
    what: "a brace typed before a placeholder of a locale text",
    id: "common.greeting",
    search: { xliff12: 'Hello <x id="1"', xliff20: 'Hello <ph id="1"' },
    replacement: { xliff12: 'Hello {<x id="1"', xliff20: 'Hello {<ph id="1"' },
    message: /contains a curly brace \(\{ or \}\); next to a tag it would turn into template code/,
  },
  {
    what: "a brace typed before a fact",
    id: "home:top:p1",
    search: { xliff12: 'There are <x id="1"', xliff20: 'There are <ph id="1"' },
    replacement: { xliff12: 'There are {<x id="1"', xliff20: 'There are {<ph id="1"' },
    message: /contains a curly brace/,
  },
  {
    what: "a brace typed after a fact",
    id: "home:top:p1",
    search: { xliff12: "/> things, see", xliff20: "/> things, see" },
    replacement: { xliff12: "/>} things, see", xliff20: "/>} things, see" },
    message: /contains a curly brace/,
  },
  {
    what: "template code typed as text",
    id: "common.region.south",
    search: { xliff12: "South<", xliff20: "South<" },
    replacement: {
      xliff12: "South {% fact &quot;a.count&quot; %}<",
      xliff20: "{{ secret }} South<",
    },
    message: /contains a curly brace/,
  },
  {
    what: "a $t( reference to a text that does not exist",
    id: "common.region.south",
    search: { xliff12: "South<", xliff20: "South<" },
    replacement: {
      xliff12: "$t(common.doesNotExist)<",
      xliff20: "South $t (common.doesNotExist)<",
    },
    message: /contains "\$t\(", which would insert another text of the site/,
  },
  {
    what: "a $t( reference to a German text",
    id: "common.region.south",
    search: { xliff12: "South<", xliff20: "South<" },
    replacement: {
      xliff12: '$t(accessibility.intro, {"lng": "de"})<',
      xliff20: '$t(accessibility.intro, {"lng": "de"})<',
    },
    message: /curly brace|\$t\(/,
  },
  {
    what: "HTML typed as text",
    id: "common.region.south",
    search: { xliff12: "South<", xliff20: "South<" },
    replacement: { xliff12: "&lt;b&gt;South&lt;/b&gt;<", xliff20: "South&amp;nbsp;Coast<" },
    message: /contains HTML markup/,
  },
  {
    what: "a Markdown link typed as text",
    id: "home:top:p1",
    search: { xliff12: "sources</g>.<", xliff20: "sources</pc>.<" },
    replacement: {
      xliff12: "sources</g> and [more](/de/impressum/).<",
      xliff20: "sources</pc> and www.example.org.<",
    },
    message: /a new link or web address typed as text/,
  },
];

describe("i18n:import refuses what a translator types that would mean more than text", () => {
  for (const format of ["xliff12", "xliff20"] as const) {
    it.each(typedCases)(
      `refuses $what (${format}), naming file, line and segment, and changes no file`,
      async ({ id, search, replacement, message }) => {
        const root = await createExchangeFixture();
        await exported(root, ["--all", "--format", format]);
        const before = await projectSnapshot(root);
        const text = await readFile(path.join(root, exchange), "utf8");
        const unitStart = text.indexOf(`"${id}"`);
        const target = text.indexOf(targetStart[format], unitStart);
        const at = text.indexOf(search[format], target);
        expect(at).toBeGreaterThan(-1);
        const edited =
          text.slice(0, at) + replacement[format] + text.slice(at + search[format].length);
        await writeFile(path.join(root, exchange), edited);
        const line = edited.slice(0, target).split("\n").length;
        await expectRefused(root, before, `${exchange}:${line}: segment ${id}: `, message);
      },
    );
  }
});

describe("i18n:import refuses files and units that cannot be taken over whole", () => {
  it("refuses a character saved in Latin-1 in a file declared UTF-8, naming the line", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    const [head = "", tail = ""] = text.split('<target state="final">South</target>');
    const bytes = Buffer.concat([
      Buffer.from(`${head}<target state="final">Z`),
      Buffer.from([0xfc]),
      Buffer.from(`rich</target>${tail}`),
    ]);
    await writeFile(path.join(root, exchange), bytes);
    const line = lineOf(text, '<target state="final">South</target>');
    await expectRefused(
      root,
      before,
      `${exchange}:${line}: segment common.region.south: the file says it is UTF-8, but byte `,
      /\(0xFC\) is not: a character such as "ü" was saved in another encoding/,
    );
  });

  it("names no segment for a Latin-1 character outside every unit, only the line", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    const [head = "", tail = ""] = text.split("<body>");
    await writeFile(
      path.join(root, exchange),
      Buffer.concat([
        Buffer.from(`${head}<!-- Gr`),
        Buffer.from([0xfc]),
        Buffer.from(`n -->\n<body>${tail}`),
      ]),
    );
    const stderr = await expectRefused(
      root,
      before,
      `${exchange}:${lineOf(text, "<body>")}: the file says it is UTF-8, but byte `,
      /\(0xFC\) is not/,
    );
    expect(stderr.split("\n")[0]).not.toContain("segment");
  });

  /** Text in UTF-32, little- or big-endian, as no Node encoder writes it. */
  function utf32(text: string, bigEndian: boolean): Buffer {
    const points = Array.from(text, (char) => char.codePointAt(0) ?? 0);
    const bytes = Buffer.alloc(points.length * 4);
    points.forEach((point, index) =>
      bigEndian ? bytes.writeUInt32BE(point, index * 4) : bytes.writeUInt32LE(point, index * 4),
    );
    return bytes;
  }

  it.each([
    [
      "UTF-16 (little-endian, with a byte-order mark)",
      (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le"),
    ],
    [
      "UTF-16 (big-endian, with a byte-order mark)",
      (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le").swap16(),
    ],
    ["UTF-16 (little-endian)", (text: string) => Buffer.from(text, "utf16le")],
    ["UTF-16 (big-endian)", (text: string) => Buffer.from(text, "utf16le").swap16()],
    [
      "UTF-32 (little-endian, with a byte-order mark)",
      (text: string) => utf32(`\uFEFF${text}`, false),
    ],
    ["UTF-32 (big-endian, with a byte-order mark)", (text: string) => utf32(`\uFEFF${text}`, true)],
  ])("names a file saved as %s and asks for UTF-8", async (name, encode) => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    await writeFile(path.join(root, exchange), encode(text));
    const stderr = await expectRefused(
      root,
      before,
      `${exchange}:1: `,
      new RegExp(
        `the file is saved as ${name.replace(/[()]/g, "\\$&")}, but the import takes UTF-8 only: save or export it from the CAT tool as UTF-8$`,
      ),
    );
    expect(stderr).not.toContain("perhaps Latin-1");
  });

  it("takes a UTF-8 file with a byte-order mark", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    await writeFile(path.join(root, exchange), `\uFEFF${text.replace(">South<", ">The South<")}`);
    const result = await runImport([exchange], root);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("refuses a file saved in another encoding than UTF-8", async () => {
    const root = await createExchangeFixture();
    await exported(root);
    const before = await projectSnapshot(root);
    await editExchange(root, 'encoding="UTF-8"', 'encoding="ISO-8859-1"');
    await expectRefused(root, before, `${exchange}:1: `, /saved as ISO-8859-1/);
  });

  /** The quotation's unit of the 2.0 export, split by a CAT tool into two segments. */
  async function splitQuotation(root: string, second: string): Promise<string> {
    const text = await exported(root, ["--all", "--format", "xliff20"]);
    const segment =
      /<segment state="final">\n\s*<source xml:space="preserve">Ein Zitat über zwei Zeilen\.<\/source>\n\s*<target xml:space="preserve">A quotation over two lines\.<\/target>\n\s*<\/segment>/.exec(
        text,
      )?.[0];
    expect(segment).toBeDefined();
    return editExchange(
      root,
      segment ?? "",
      `<segment state="translated">
        <source xml:space="preserve">Ein Zitat </source>
        <target xml:space="preserve">A short quotation </target>
      </segment>
      ${second}`,
    );
  }

  it.each([
    [
      "without a target",
      '<segment state="initial">\n        <source xml:space="preserve">über zwei Zeilen.</source>\n      </segment>',
    ],
    [
      "marked as translated but without a target",
      '<segment state="translated">\n        <source xml:space="preserve">über zwei Zeilen.</source>\n      </segment>',
    ],
  ])("refuses an XLIFF 2.0 unit split into two segments, the second %s", async (_what, second) => {
    const root = await createExchangeFixture();
    const before = await projectSnapshot(root);
    const edited = await splitQuotation(root, second);
    await expectRefused(
      root,
      before,
      // The second segment's start tag, the line before its source.
      `${exchange}:${lineOf(edited, "über zwei Zeilen.") - 1}: segment home:erster-abschnitt:q1: `,
      /split into 2 parts and part 2 is not translated/,
    );
  });

  it("takes over an XLIFF 2.0 unit split into two segments when both are translated", async () => {
    const root = await createExchangeFixture();
    await splitQuotation(
      root,
      '<segment state="translated">\n        <source xml:space="preserve">über zwei Zeilen.</source>\n        <target xml:space="preserve">over two lines.</target>\n      </segment>',
    );
    const result = await runImport([exchange], root);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(await readFile(path.join(root, "src/site/en/home.md"), "utf8")).toContain(
      "\n> A short quotation over two lines.\n",
    );
  });

  it("refuses a unit given twice with different translations, naming both places", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    const unit = /<trans-unit id="common\.region\.south"[\s\S]*?<\/trans-unit>\n/.exec(text)?.[0];
    expect(unit).toBeDefined();
    const edited = await editExchange(
      root,
      unit ?? "",
      `${unit ?? ""}${(unit ?? "").replace(">South<", ">Southern<")}`,
    );
    const first = lineOf(edited, '<trans-unit id="common.region.south"');
    const second =
      edited
        .split("\n")
        .findIndex(
          (line, index) => index + 1 > first && line.includes('id="common.region.south"'),
        ) + 1;
    await expectRefused(
      root,
      before,
      `${exchange}:${second}: segment common.region.south: `,
      new RegExp(`in the exchange twice \\(also at ${exchange.replace(/\./g, "\\.")}:${first}\\)`),
    );
  });

  it.each([["xliff12"], ["xliff20"]])(
    "refuses a unit whose German now uses another fact than when it was exported (%s)",
    async (format) => {
      const root = await createExchangeFixture();
      const text = await exported(root, ["--all", "--format", format]);
      await editExchange(root, "things, see", "things in all, see");
      const german = path.join(root, "src/site/de/start.md");
      await writeFiles(root, {
        "src/site/de/start.md": (await readFile(german, "utf8")).replace(
          'Es gibt {% fact "a.count" %} Dinge',
          'Es gibt {% fact "a.other" %} Dinge',
        ),
      });
      const before = await projectSnapshot(root);
      const unit = format === "xliff12" ? '<trans-unit id="home:top:p1"' : '<unit id="home:top:p1"';
      await expectRefused(
        root,
        before,
        `${exchange}:${lineOf(text, unit)}: segment home:top:p1: `,
        /the German text of this segment has changed since the file was exported\. It now reads: "Es gibt \{% fact "a\.other" %\} Dinge/,
      );
    },
  );

  it("refuses to import into a project whose English locale file has a __proto__ key, and writes nothing", async () => {
    const root = await createExchangeFixture();
    await exported(root);
    await editExchange(root, ">South<", ">Southern<");
    const english = path.join(root, "locales/en/common.json");
    await writeFile(
      english,
      (await readFile(english, "utf8")).replace(
        '"south": "South"',
        '"south": "South",\n    "__proto__": { "polluted": "yes" }',
      ),
    );
    const before = await projectSnapshot(root);
    await expectRefused(
      root,
      before,
      "locales/en/common.json:6: ",
      /\(common\.region\.__proto__\) "__proto__" cannot be the name of a text or group/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses elements nested 20,000 deep with a message instead of a crash", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    const deep = `${'<g id="1" ctype="bold">'.repeat(20_000)}South${"</g>".repeat(20_000)}`;
    await editExchange(
      root,
      '<target state="final">South</target>',
      `<target state="final">${deep}</target>`,
    );
    await expectRefused(
      root,
      before,
      `${exchange}:${lineOf(text, '<target state="final">South</target>')}: `,
      /the file's elements are nested more than 100 deep, which no export of this project does/,
    );
  });
});

describe("the exchange's commands speak the gates' language", () => {
  it("answers a missing file with one line naming it and exit 2, without a stack", async () => {
    const root = await createExchangeFixture();
    const before = await projectSnapshot(root);
    const result = await runImport(["missing.xlf"], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      "Translation import: missing.xlf: there is no such file: give the path of the XLIFF file your CAT tool exported\n",
    );
    expect(await projectSnapshot(root)).toEqual(before);
  });

  it("answers a page with a field pages may not use (tags: [a]) with one line per problem and exports nothing", async () => {
    const root = await createExchangeFixture();
    const home = path.join(root, "src/site/en/home.md");
    await writeFile(
      home,
      (await readFile(home, "utf8")).replace(
        "translationKey: home\n",
        "translationKey: home\ntags: [a]\n",
      ),
    );
    const result = await runExport(["--out", "out"], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'src/site/en/home.md:5 (tags): "tags" is not a front matter field pages may use',
    );
    expect(result.stderr).not.toMatch(/ZodError|^\s+at /m);
    // Its German twin has a twin, only not a readable one: one line, for the page at fault.
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe(
      "Nothing was exported: fix the problems above, then export again.\n",
    );
  });

  const fileInTheWay = "give --out another folder, or move the file away";
  it.each([
    [
      "a file in the way of the folder",
      "afile/sub",
      `afile: this is a file, so the export cannot make the folder afile/sub there: ${fileInTheWay}`,
    ],
    [
      "a file where the folder should be",
      "afile",
      `afile: this is a file, so the export cannot make the folder afile there: ${fileInTheWay}`,
    ],
    [
      "a folder where the exchange file should be",
      "taken",
      "taken/translation-de-en.xlf: this is a folder, so the export cannot write its file there: give --out another folder, or move the folder away",
    ],
  ])("answers --out with %s in one line naming it, exit 2", async (_what, out, message) => {
    const root = await createExchangeFixture();
    await writeFiles(root, { afile: "", "taken/translation-de-en.xlf/keep": "" });
    const result = await runExport(["--all", "--out", out], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`Translation export: ${message}\n`);
    expect(result.stdout).toBe("");
  });

  it("writes into --out folders that do not exist yet, however deep", async () => {
    const root = await createExchangeFixture();
    const result = await runExport(["--all", "--out", "new/and/deeper"], root);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Written: new/and/deeper/translation-de-en.xlf");
  });

  it("answers an import path through a file with one line naming it, exit 2", async () => {
    const root = await createExchangeFixture();
    await writeFiles(root, { afile: "" });
    const result = await runImport(["afile/translation-de-en.xlf"], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      "Translation import: afile/translation-de-en.xlf: there is no such file: give the path of the XLIFF file your CAT tool exported\n",
    );
  });

  it("answers a wrong command line with the help and exit 2", async () => {
    const root = await createExchangeFixture();
    const result = await runImport(["--bogus", "a.xlf"], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Usage: npm run i18n:import -- FILE.xlf...");
    expect((await runImport([], root)).stderr).toContain("name the XLIFF file(s) to import");
  });
});
