import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CouldNotCheckError, type GateContext } from "../../../src/checks/gate.ts";
import { leichteSpracheGate } from "../../../src/checks/leichte-sprache/gate.ts";
import { runGateCli } from "../../../src/checks/runner.ts";
import { projectRoot } from "../../support/project.ts";
import { makeTempDir } from "../../support/temp.ts";

function context(root: string): GateContext {
  return { projectRoot: root, signal: new AbortController().signal, log: () => undefined };
}

async function projectWith(pages: Record<string, string>): Promise<string> {
  const root = await makeTempDir("gw-ls-");
  for (const [file, text] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const frontMatter = (easyLanguage: boolean) =>
  `---\ntitle: Leichte Sprache\ndescription: Test\ntranslationKey: easy-read\neasyLanguage: ${easyLanguage}\n---\n`;

describe("the Leichte Sprache gate", () => {
  it("passes the site's real Leichte Sprache and easy-read pages without an error or a warning", async () => {
    const outcome = await leichteSpracheGate.run({}, context(projectRoot));
    expect(outcome.findings).toEqual([]);
    expect(outcome.checked.pages).toBe(2);
    expect(outcome.checked.sentences).toBeGreaterThan(50);
  });

  it("reports a rule broken on a marked page, with the file's own line", async () => {
    const root = await projectWith({
      "src/site/de/leicht.md": `${frontMatter(true)}Das ist gut.\n\nDas ist z. B. gut.\n`,
    });
    const outcome = await leichteSpracheGate.run({}, context(root));
    expect(outcome.findings).toMatchObject([
      { rule: "abbreviation", location: { file: "src/site/de/leicht.md", line: 9, column: 9 } },
    ]);
  });

  it("leaves pages alone that are not marked as Leichte Sprache", async () => {
    const root = await projectWith({
      "src/site/de/leicht.md": `${frontMatter(true)}Das ist gut.\n`,
      "src/site/de/schwer.md": `${frontMatter(false)}Das ist z. B. schwer.\n`,
    });
    const outcome = await leichteSpracheGate.run({}, context(root));
    expect(outcome.findings).toEqual([]);
    expect(outcome.checked.pages).toBe(1);
  });

  it("could not check when no page is marked", async () => {
    const root = await projectWith({
      "src/site/de/schwer.md": `${frontMatter(false)}Das ist schwer.\n`,
    });
    await expect(leichteSpracheGate.run({}, context(root))).rejects.toThrow(CouldNotCheckError);
  });
});

describe("npm run check:leichte-sprache", () => {
  it("prints each finding as file:line:col: severity: rule: message and exits 1 on an error", async () => {
    const root = await projectWith({
      "src/site/en/easy.md": `${frontMatter(true)}There are two texts.\n`,
    });
    let printed = "";
    const exitCode = await runGateCli(leichteSpracheGate, [], {
      projectRoot: root,
      stdout: (text) => (printed += text),
      stderr: (text) => (printed += text),
    });
    expect(exitCode).toBe(1);
    expect(printed).toContain(
      'src/site/en/easy.md:7:11: error: number-word: "two" is a number written as a word',
    );
  });
});
