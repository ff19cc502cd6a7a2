import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import {
  buildInProcess,
  copyProject,
  runCaptured,
  runScript,
  type CommandResult,
} from "../support/project.ts";
import { hashFiles } from "./support.ts";

/** The copy's own modules, as its commands load them. */
async function copyModule<T>(root: string, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, file)).href)) as T;
}

type Cli = typeof import("../../src/checks/i18n/cli.ts");
type Runner = typeof import("../../src/checks/runner.ts");

/** Runs one of the copy's translation commands in this process, as its script would. */
async function runCommand(
  root: string,
  name: "addLanguageCommand" | "statusCommand" | "exportCommand",
  args: string[],
): Promise<CommandResult> {
  const cli = await copyModule<Cli>(root, "src/checks/i18n/cli.ts");
  const { runCommandCli } = await copyModule<Runner>(root, "src/checks/runner.ts");
  const command = cli[name] as import("../../src/checks/gate.ts").Command<unknown>;
  return runCaptured((io) => runCommandCli(command, args, { ...io, projectRoot: root }));
}

/** Every file under `src/` but the site folder, by its hash. */
function codeFiles(root: string): Map<string, string> {
  const all = hashFiles(path.join(root, "src"));
  return new Map([...all].filter(([file]) => !file.startsWith("site/")));
}

const site = (root: string, file: string) => readFile(path.join(root, "_site", file), "utf8");

let root: string;
let added: CommandResult;
let codeBefore: Map<string, string>;

beforeAll(async () => {
  root = await copyProject();
  codeBefore = codeFiles(root);
  // As its script runs it: this process then loads the copy's modules only once the language is
  // in the copy's list.
  added = runScript(root, "scripts/lang-add.ts", ["fr", "--name", "Français"]);
  const built = await buildInProcess(root);
  expect(built.status, built.output).toBe(0);
});

describe("npm run lang:add -- fr --name Français, then a development build", () => {
  it("adds the language to the list and copies pages and texts, touching no code outside the site folder", async () => {
    expect(added.status, added.output).toBe(0);
    expect(added.stdout).toMatch(
      /^Added French \(fr, Français, ltr\) to data\/languages\.ts: 12 pages/,
    );
    const list = await readFile(path.join(root, "data/languages.ts"), "utf8");
    expect(list).toMatch(
      /code: "fr",\n\s+name: "Français",\n\s+englishName: "French",\n\s+direction: "ltr"/,
    );
    const page = await readFile(path.join(root, "src/site/fr/index.md"), "utf8");
    expect(page).toMatch(/^translatedFrom: "untranslated"$/m);
    const notFound = await readFile(path.join(root, "src/site/fr/404.md"), "utf8");
    expect(notFound).toMatch(/^permalink: "\/fr\/404\.html"$/m);
    const record = JSON.parse(
      await readFile(path.join(root, "locales/translated-from.json"), "utf8"),
    ) as Record<string, Record<string, string>>;
    expect(record.fr?.["common.skipLink"]).toBe("untranslated");
    // French counts "many" for large numbers: the copied plural texts have that form too.
    const coverage = JSON.parse(
      await readFile(path.join(root, "locales/fr/coverage.json"), "utf8"),
    ) as Record<string, string>;
    expect(Object.keys(coverage).filter((key) => key.startsWith("full_"))).toEqual([
      "full_one",
      "full_many",
      "full_other",
    ]);
    expect(codeFiles(root)).toEqual(codeBefore);
  });

  it("refuses a code the project has or a malformed one with one line, writing nothing", async () => {
    const before = hashFiles(root);
    const again = await runCommand(root, "addLanguageCommand", ["fr", "--name", "Français"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      'Not added: the project already has the language "fr" (Français) in data/languages.ts\n',
    );
    const malformed = await runCommand(root, "addLanguageCommand", ["fr_FR", "--name", "X"]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr.split("\n")[0]).toMatch(/"fr_FR" is not a BCP 47 language tag/);
    expect(hashFiles(root)).toEqual(before);
  });

  it("links every page to its French twin: hreflang, the language switcher and the sitemap", async () => {
    const german = parseHtml(await site(root, "de/index.html"));
    const alternates = german
      .all(tag("link", { rel: "alternate" }))
      .map((link) => attribute(link, "hreflang"));
    expect(alternates).toEqual(["de", "en", "fr", "x-default"]);
    const switcher = german.first(tag("nav", { class: "language-switcher" }));
    const french = within(switcher, tag("a", { hreflang: "fr" }));
    expect(
      french.map((link) => [attribute(link, "href"), attribute(link, "lang"), text(link)]),
    ).toEqual([["/fr/", "fr", "Français"]]);
    const sitemap = await site(root, "sitemap.xml");
    expect(sitemap).toContain("<loc>http://localhost:8080/fr/kennzahlen/</loc>");
    expect(sitemap.match(/hreflang="fr"/g)?.length).toBeGreaterThanOrEqual(11 * 3);
  });

  it("builds the French pages in French, marking their text as the German it still is", async () => {
    const start = await site(root, "fr/index.html");
    expect(start).toMatch(/<html lang="fr" dir="ltr"/);
    expect(start).toContain('<div class="page-width prose" lang="de">');
    expect(start).toContain("Diese Seite ist noch nicht übersetzt.");
    expect(await site(root, "fr/404.html")).toMatch(/<html lang="fr" dir="ltr"/);
  });

  it("presents French on the root page beside German and English", async () => {
    const chooser = parseHtml(await site(root, "index.html"));
    const sections = chooser.all(tag("section"));
    expect(sections.map((section) => attribute(section, "lang"))).toEqual(["de", "en", "fr"]);
    expect(
      chooser.all(tag("a", { class: "chooser__enter" })).map((a) => attribute(a, "href")),
    ).toEqual(["/de/", "/en/", "/fr/"]);
  });

  it("publishes the figures as a French CSV in its dialect and describes it in the catalogue", async () => {
    const bytes = await readFile(path.join(root, "_site/data/key-figures-fr.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { delimiter: ";", bom: true });
    expect(rows.length).toBeGreaterThan(5);
    const dcat = await site(root, "data/dcat.ttl");
    expect(dcat).toContain("key-figures-fr.csv");
    expect(await site(root, "de/daten/index.html")).toContain("Spaltennamen auf Französisch");
  });

  it("shows French as not translated yet in the status, and exports it on its own", async () => {
    const status = await runCommand(root, "statusCommand", []);
    expect(status.stdout).toMatch(
      /French \(fr\)\n.*Not translated yet.*\n\s+Texts \(locales\/\)(?:\s+\d+){4}\s+1[0-9]{2}\s+0\s+0\n\s+Pages \(src\/\)(?:\s+\d+){4}\s+12\s+0\s+0/,
    );
    const exported = await runCommand(root, "exportCommand", ["--lang", "fr", "--out", "xliff"]);
    expect(exported.stdout).toMatch(/^French \(fr\): \d+ segments: \d+ to translate\.\n/);
    const xliff = await readFile(path.join(root, "xliff/translation-de-fr.xlf"), "utf8");
    expect(xliff).toContain('source-language="de" target-language="fr"');
    expect(xliff).not.toContain("<target");
  });

  it("is refused for publication while pages and texts are not translated, naming them", async () => {
    const refused = await buildInProcess(root, { production: true });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("src/site/fr/index.md:");
    expect(refused.stderr).toMatch(
      /src\/site\/fr\/index\.md:\d+ \(translatedFrom\): not translated into French yet/,
    );
    expect(refused.stderr).toContain(
      "locales/fr/common.json (common.skipLink): not translated into French yet",
    );
    expect(refused.stderr).toMatch(
      /data\/sources\.ts \([a-z]+\.topic\.fr\): has no French text yet/,
    );
  });
});
