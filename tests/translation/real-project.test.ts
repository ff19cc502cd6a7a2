import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { targetLanguages } from "../../src/lib/languages.ts";
import { shapeOf } from "../../src/translation/inline.ts";
import { exchangeFileName } from "../../src/translation/export.ts";
import { readTranslationProject } from "../../src/translation/project.ts";
import { latestEntry } from "../../src/translation/tmx.ts";
import { copyProject, projectRoot } from "../support/project.ts";
import { projectSnapshot, runExport, runImport } from "./fixture.ts";

/** Exports everything in every language into `out/` of a copy; the files' paths, relative to it. */
async function exportEverything(root: string, format: string): Promise<string[]> {
  const exported = await runExport(["--all", "--format", format, "--out", "out"], root);
  expect(exported.stderr).toBe("");
  expect(exported.exitCode).toBe(0);
  for (const language of targetLanguages) {
    expect(exported.stdout).toMatch(
      new RegExp(`\\(${language}\\): [1-9]\\d* segments: [1-9]\\d* up to date\\.\\n`),
    );
  }
  return targetLanguages.map((language) => `out/${exchangeFileName(language)}`);
}

describe("the exchange on the real project", () => {
  it("has every current translation's pair in the committed memory, as the latest pair of its segment", async () => {
    const missing: string[] = [];
    for (const language of targetLanguages) {
      const project = await readTranslationProject(projectRoot, language);
      const units = [
        ...project.texts.map((text) => text.unit),
        ...project.pages.flatMap((page) => page.units),
      ];
      for (const unit of units) {
        if (unit.state !== "current" || unit.target === undefined) continue;
        const remembered = latestEntry(project.memory, unit.segment.id);
        const same =
          remembered !== undefined &&
          shapeOf(remembered.source) === shapeOf(unit.segment.content) &&
          shapeOf(remembered.target) === shapeOf(unit.target);
        if (!same) missing.push(`${language} ${unit.segment.id}`);
      }
    }
    // To bring the memory up to date: npm run i18n:export -- --all --out /tmp/all, then
    // npm run i18n:import -- /tmp/all/*.xlf, which writes only the memory when all is current.
    expect(missing).toEqual([]);
  });

  it.each([["xliff12"], ["xliff20"]])(
    "changes no byte when the untouched %s export of everything comes back to a clean copy",
    async (format) => {
      const root = await copyProject();
      const before = await projectSnapshot(root);
      const imported = await runImport(await exportEverything(root, format), root);
      expect(imported.stderr).toBe("");
      expect(imported.stdout).toMatch(
        /^\d+ segments confirmed, nothing to change\.\nNo file needed to change\.\n/,
      );
      expect(imported.stdout).toContain("The translation check finds no errors.");
      expect(await projectSnapshot(root)).toEqual(before);
    },
  );

  it("changes no byte when every segment comes back approved again in the CAT tool, nothing else changed", async () => {
    const root = await copyProject();
    const before = await projectSnapshot(root);
    const files = await exportEverything(root, "xliff12");
    for (const file of files) {
      const text = await readFile(path.join(root, file), "utf8");
      // Approved again: signed off by a reviewer, as Trados and memoQ write it.
      const approved = text
        .replaceAll(' approved="yes"', "")
        .replaceAll('<target state="final">', '<target state="signed-off">');
      expect(approved).not.toBe(text);
      await writeFile(path.join(root, file), approved);
    }
    const imported = await runImport(files, root);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("No file needed to change.");
    expect(await projectSnapshot(root)).toEqual(before);
  });
});
