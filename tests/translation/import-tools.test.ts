import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTool } from "../support/tools.ts";
import {
  createExchangeFixture,
  editExchange,
  exchange,
  exchangeFiles,
  exported,
  lineOf,
  projectSnapshot,
  runImport,
  writeFiles,
} from "./fixture.ts";

type Format = "xliff12" | "xliff20";

/** How each format names the languages on the fixture's export, and a tag written otherwise. */
function languages(format: Format, source: string, target: string): [string, string] {
  return format === "xliff12"
    ? [
        'source-language="de" target-language="en"',
        `source-language="${source}" target-language="${target}"`,
      ]
    : ['srcLang="de" trgLang="en"', `srcLang="${source}" trgLang="${target}"`];
}

/** Replaces every place `search` stands in the exchange file. */
async function editEverywhere(root: string, search: string, replacement: string): Promise<string> {
  const file = path.join(root, exchange);
  const edited = (await readFile(file, "utf8")).split(search).join(replacement);
  await writeFile(file, edited);
  return edited;
}

describe("i18n:import reads language tags as BCP 47", () => {
  for (const format of ["xliff12", "xliff20"] as const) {
    it.each([
      ["de-DE", "en-GB"],
      ["DE", "EN"],
      ["de-de", "en-gb"],
      ["de-AT", "en-US"],
    ])(
      `takes a file from %s into %s (${format}) as German into English`,
      async (source, target) => {
        const root = await createExchangeFixture();
        await exported(root, ["--all", "--format", format]);
        const [written, regional] = languages(format, source, target);
        await editEverywhere(root, written, regional);
        await editExchange(root, ">South<", ">The South<");
        const result = await runImport([exchange], root);
        expect(result.stderr).toBe("");
        expect(result.exitCode).toBe(0);
        expect(await readFile(path.join(root, "locales/en/common.json"), "utf8")).toContain(
          '"south": "The South"',
        );
      },
    );

    it.each([
      ["de", "fr"],
      ["de", "english"],
      ["de", "enx"],
      ["en", "de"],
      ["deu", "en"],
    ])(
      `refuses a file from %s into %s (${format}), naming the tags, and changes no file`,
      async (source, target) => {
        const root = await createExchangeFixture();
        const text = await exported(root, ["--all", "--format", format]);
        const [written, other] = languages(format, source, target);
        await editEverywhere(root, written, other);
        const before = await projectSnapshot(root);
        const result = await runImport([exchange], root);
        expect(result.exitCode).toBe(1);
        expect(result.stderr.split("\n")[0]).toBe(
          `${exchange}:${lineOf(text, written)}: the file translates from "${source}" into "${target}", but this project takes translations from German (de) into English (en)`,
        );
        expect(await projectSnapshot(root)).toEqual(before);
      },
    );
  }
});

describe("i18n:import joins an XLIFF 2.0 unit split into segments", () => {
  const sentences = {
    "src/site/de/quellen.md": (exchangeFiles["src/site/de/quellen.md"] ?? "").replace(
      "Alle Quellen dieser Website.",
      "Alle Quellen. Und mehr.",
    ),
    "src/site/en/sources.md": (exchangeFiles["src/site/en/sources.md"] ?? "").replace(
      "Every source of this website.",
      "Every source. And more.",
    ),
  };
  const unsplit =
    /<segment state="final">\n\s*<source xml:space="preserve">Alle Quellen\. Und mehr\.<\/source>\n\s*<target xml:space="preserve">Every source\. And more\.<\/target>\n\s*<\/segment>/;

  it.each([
    [
      "an <ignorable> without a target, as segmenting tools write it",
      "<ignorable><source> </source></ignorable>",
      "",
    ],
    [
      "an <ignorable> with its own target",
      "<ignorable><source> </source><target> </target></ignorable>",
      "",
    ],
    ["the space kept at the end of the first segment", "", " "],
  ])("keeps the space between the sentences from %s", async (_what, between, trailing) => {
    const root = await createExchangeFixture(sentences);
    const text = await exported(root, ["--all", "--format", "xliff20"]);
    const segment = unsplit.exec(text)?.[0];
    expect(segment).toBeDefined();
    await editExchange(
      root,
      segment ?? "",
      `<segment state="final"><source xml:space="preserve">Alle Quellen.${trailing}</source><target xml:space="preserve">Every source.${trailing}</target></segment>${between}<segment state="final"><source xml:space="preserve">Und mehr.</source><target xml:space="preserve">And much more.</target></segment>`,
    );
    const result = await runImport([exchange], root);
    expect(result.stderr).toBe("");
    expect(await readFile(path.join(root, "src/site/en/sources.md"), "utf8")).toMatch(
      /\n---\nEvery source\. And much more\.\n$/,
    );
  });
});

describe("i18n:import knows which German a unit was translated from when a CAT tool drops equiv-text", () => {
  /** The German page with its fact swapped for another since the export. */
  async function swapFact(root: string): Promise<void> {
    const german = path.join(root, "src/site/de/start.md");
    await writeFiles(root, {
      "src/site/de/start.md": (await readFile(german, "utf8")).replace(
        'Es gibt {% fact "a.count" %} Dinge',
        'Es gibt {% fact "a.other" %} Dinge',
      ),
    });
  }

  /** Takes what a tool that rebuilds tags leaves out (1.2 `equiv-text`, 2.0 `equiv`, `disp`, `dispEnd`) off one unit, and its translation edited. */
  async function toolRewritten(root: string, format: Format, keepIdentity: boolean) {
    const text = await exported(root, ["--all", "--format", format]);
    const unit = new RegExp(
      `<${format === "xliff12" ? "trans-unit" : "unit"} id="home:top:p1"[\\s\\S]*?</${format === "xliff12" ? "trans-unit" : "unit"}>`,
    ).exec(text)?.[0];
    expect(unit).toBeDefined();
    let rewritten = (unit ?? "")
      .replace(/ (?:equiv-text|equiv|disp|dispStart|dispEnd)="[^"]*"/g, "")
      .replace("things, see", "things in all, see");
    expect(rewritten).not.toMatch(/equiv|disp/);
    if (!keepIdentity) rewritten = rewritten.replace(/ (?:resname|name)="sha256:[0-9a-f]{12}"/, "");
    await editExchange(root, unit ?? "", rewritten);
    return lineOf(text, unit ?? "");
  }

  for (const format of ["xliff12", "xliff20"] as const) {
    const attribute = format === "xliff12" ? "resname" : "name";

    it(`takes the unit over by its ${attribute} when the German is the same (${format})`, async () => {
      const root = await createExchangeFixture();
      await toolRewritten(root, format, true);
      const result = await runImport([exchange], root);
      expect(result.stderr).toBe("");
      expect(await readFile(path.join(root, "src/site/en/home.md"), "utf8")).toContain(
        'There are {% fact "a.count" %} things in all, see [the sources](/en/sources/).',
      );
    });

    it(`refuses the unit by its ${attribute} when its fact was swapped since the export (${format})`, async () => {
      const root = await createExchangeFixture();
      const line = await toolRewritten(root, format, true);
      await swapFact(root);
      const before = await projectSnapshot(root);
      const result = await runImport([exchange], root);
      expect(result.exitCode).toBe(1);
      expect(result.stderr.split("\n")[0]).toMatch(
        new RegExp(
          `^${exchange}:${line}: segment home:top:p1: the German text of this segment has changed since the file was exported\\. It now reads: "Es gibt \\{% fact "a\\.other" %\\} Dinge`,
        ),
      );
      expect(await projectSnapshot(root)).toEqual(before);
    });

    it(`refuses the unit when the tool dropped its ${attribute} as well, since a swap could not be seen (${format})`, async () => {
      const root = await createExchangeFixture();
      const line = await toolRewritten(root, format, false);
      const before = await projectSnapshot(root);
      const result = await runImport([exchange], root);
      expect(result.exitCode).toBe(1);
      expect(result.stderr.split("\n")[0]).toMatch(
        new RegExp(
          `^${exchange}:${line}: segment home:top:p1: the file no longer says which German this segment was translated from`,
        ),
      );
      expect(await projectSnapshot(root)).toEqual(before);
    });
  }

  it("keeps the resname through translate-toolkit's pomerge (as Pootle and Weblate write a file back), and refuses a swapped fact by it", async () => {
    const root = await createExchangeFixture();
    const template = path.join(root, "template.xlf");
    await writeFile(template, await exported(root, ["--all"]));
    await editExchange(root, "things, see", "things in all, see");
    const merged = path.join(root, "merged.xlf");
    const pomerge = runTool("pomerge", "translate-toolkit", [
      "--progress=none",
      "-t",
      template,
      "-i",
      path.join(root, exchange),
      "-o",
      merged,
    ]);
    expect(pomerge.status, pomerge.stderr).toBe(0);
    const written = await readFile(merged, "utf8");
    expect(written).toMatch(/<trans-unit id="home:top:p1" resname="sha256:[0-9a-f]{12}"/);
    expect(written).toContain("things in all, see");

    const swapped = await createExchangeFixture();
    await writeFile(path.join(swapped, "merged.xlf"), written);
    await swapFact(swapped);
    const before = await projectSnapshot(swapped);
    const refused = await runImport(["merged.xlf"], swapped);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      "segment home:top:p1: the German text of this segment has changed since the file was exported",
    );
    expect(await projectSnapshot(swapped)).toEqual(before);

    const result = await runImport(["merged.xlf"], root);
    expect(result.stderr).toBe("");
    expect(await readFile(path.join(root, "src/site/en/home.md"), "utf8")).toContain(
      "things in all, see",
    );
  });
});
