import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  isLanguage,
  languageName,
  languageOfInputPath,
  otherLanguages,
} from "../../src/lib/languages.ts";
import {
  copyProject,
  editFile,
  projectRoot,
  runScriptAsync,
  type CommandResult,
} from "../support/project.ts";

describe("languages", () => {
  it("reads a page's language from its folder under src", () => {
    expect(languageOfInputPath("./src/site/de/kennzahlen.md")).toBe("de");
    expect(languageOfInputPath("/tmp/x/src/site/en/key-figures.md")).toBe("en");
  });

  it("finds no language outside the language folders", () => {
    expect(languageOfInputPath("./src/index.njk")).toBeUndefined();
    expect(languageOfInputPath("./src/fr/page.md")).toBeUndefined();
  });

  it("accepts only the site's language codes", () => {
    expect(isLanguage("de")).toBe(true);
    expect(isLanguage("fr")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it("lists the other languages for the switcher", () => {
    expect(otherLanguages("de")).toEqual(["en"]);
  });

  it("names the site's languages in English for messages, and any other code as a code", () => {
    expect(languageName("de")).toBe("German");
    expect(languageName("en")).toBe("English");
    expect(languageName("und")).toBe('language "und"');
  });
});

/**
 * An npm command for each of the project's scripts that runs on the site, as `[name, script,
 * ...args]`: all but `test`, which runs the others, and `check:code`, which type-checks the list
 * instead of loading it. Commands that share a script differ only in arguments it reads after
 * loading the list (the gates' `scripts/check.ts` imports the registry, and with it the list,
 * before it looks at which gate to run), so the first of them stands for all.
 */
async function scriptCommands(): Promise<string[][]> {
  const { scripts } = JSON.parse(
    await readFile(path.join(projectRoot, "package.json"), "utf8"),
  ) as { scripts: Record<string, string> };
  const seen = new Set<string>();
  return Object.entries(scripts).flatMap(([name, line]) => {
    if (name === "test" || name === "check:code") return [];
    const run = /^(?:tsx|node --import tsx) (scripts\/\S+\.ts)((?: [\w:-]+)*)$/.exec(line);
    const script = run?.[1];
    if (run === null || script === undefined || seen.has(script)) return [];
    seen.add(script);
    return [[name, script, ...(run[2] ?? "").split(" ").filter(Boolean)]];
  });
}

/** Runs every such command on a copy whose list `edit` changed, all at once. */
async function runAll(edit: (text: string) => string): Promise<Map<string, CommandResult>> {
  const root = await copyProject();
  await editFile(root, "data/languages.ts", edit);
  const commands = await scriptCommands();
  const results = await Promise.all(
    commands.map(([, script, ...args]) => runScriptAsync(root, script ?? "", args)),
  );
  return new Map(commands.map(([name], index) => [name ?? "", results[index] as CommandResult]));
}

describe("a broken data/languages.ts", () => {
  it("stops every command with one line naming the file and field, status 2 and no stack", async () => {
    const results = await runAll((text) =>
      text.replace('direction: "ltr"', 'direction: "sideways"'),
    );
    expect([...results.keys()]).toEqual(
      expect.arrayContaining(["build", "check:duplicates", "i18n:status", "lang:add", "bench"]),
    );
    for (const [name, result] of results) {
      expect(result.status, `${name}: ${result.output}`).toBe(2);
      expect(result.stderr, name).toMatch(
        /^data\/languages\.ts \(languages\.0\.direction\): invalid value: .*"ltr"\|"rtl"\n$/,
      );
      expect(result.stdout, name).toBe("");
    }
  });

  it("names the line and column of a syntax error in the list", async () => {
    const root = await copyProject();
    await editFile(root, "data/languages.ts", (text) =>
      text.replace('source: "de",', 'source: "de" "en",'),
    );
    const result = await runScriptAsync(root, "scripts/i18n-status.ts");
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toMatch(
      /^data\/languages\.ts:\d+:\d+: the data module is not valid TypeScript: Expected "\}" but found .*\n$/,
    );
  });

  it("leaves the commands to run when the list is sound", async () => {
    const root = await copyProject();
    const result = await runScriptAsync(root, "scripts/i18n-status.ts");
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain("data/languages.ts");
  });
});
