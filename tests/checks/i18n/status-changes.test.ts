import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { statusCommand, statusReportFile } from "../../../src/checks/i18n/cli.ts";
import { runCommandCli } from "../../../src/checks/runner.ts";
import { projectRoot } from "../../support/project.ts";
import { createExchangeFixture, writeFiles } from "../../translation/fixture.ts";

/** The rules the site's own pages are held to. */
const htmlRules = createRequire(import.meta.url)(
  path.join(projectRoot, ".htmlvalidate.cjs"),
) as ConfigData;

/** `npm run i18n:status` in `root`, in process, with what it printed. */
async function runStatus(root: string): Promise<{ exitCode: number; stdout: string }> {
  let stdout = "";
  const exitCode = await runCommandCli(statusCommand, [], {
    projectRoot: root,
    stdout: (text) => (stdout += text),
  });
  return { exitCode, stdout };
}

async function editGerman(root: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(root, "src/site/de/start.md");
  await writeFiles(root, { "src/site/de/start.md": edit(await readFile(file, "utf8")) });
}

describe("translation status of outdated pages", () => {
  it("shows each changed German segment old → new with the changed words marked", async () => {
    const root = await createExchangeFixture();
    await editGerman(root, (text) =>
      text
        .replace("Ein Zitat\n> über", "Ein kurzes Zitat\n> quer über")
        .replace("| Norden |", "| Der Norden |"),
    );
    const result = await runStatus(root);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      "  src/site/en/home.md (from src/site/de/start.md):\n" +
        '    home:erster-abschnitt:cell3 (changed, src/site/de/start.md:15, under "Erster Abschnitt"): {+Der +}Norden\n' +
        '    home:erster-abschnitt:q1 (changed, src/site/de/start.md:17, under "Erster Abschnitt"): Ein {+kurzes +}Zitat {+quer +}über zwei Zeilen.\n',
    );
    const html = await readFile(path.join(root, statusReportFile), "utf8");
    const validation = await new HtmlValidate(htmlRules).validateString(html);
    expect(validation.results.flatMap((result) => result.messages)).toEqual([]);
    const report = parseDocument(html);
    const added = DomUtils.findAll((element) => element.name === "ins", report.children);
    expect(added.map((element) => DomUtils.textContent(element))).toEqual([
      "added: Der ",
      "added: kurzes ",
      "added: quer ",
    ]);
  });

  it("shows no changes while every translation is up to date", async () => {
    const root = await createExchangeFixture();
    const result = await runStatus(root);
    expect(result.stdout).not.toContain("What changed");
    const report = await readFile(path.join(root, statusReportFile), "utf8");
    expect(report).not.toContain("<ins>");
  });
});
