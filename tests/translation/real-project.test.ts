import { describe, expect, it } from "vitest";
import { exchangeFileName } from "../../src/translation/export.ts";
import { refreshedMemory, saveMemory } from "../../src/translation/memory.ts";
import { readTranslationProject } from "../../src/translation/project.ts";
import { copyProject } from "../support/project.ts";
import { projectSnapshot, runExport, runImport } from "./fixture.ts";

describe("the exchange on the real project", () => {
  it("changes no byte when the untouched export of everything comes back", async () => {
    const root = await copyProject();
    // The memory in step with the marked translations, as i18n:mark leaves it.
    await saveMemory(
      root,
      refreshedMemory(await readTranslationProject(root, "en"), { allCurrent: true }),
    );
    const before = await projectSnapshot(root);
    const exported = await runExport(["--all", "--out", "out"], root);
    expect(exported.exitCode).toBe(0);
    expect(exported.stdout).toMatch(
      /^English \(en\): [1-9]\d* segments: [1-9]\d* up to date\.\nWritten: out\//,
    );
    const imported = await runImport([`out/${exchangeFileName("en")}`], root);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("No file needed to change.");
    expect(imported.stdout).toContain("The translation check finds no errors.");
    expect(await projectSnapshot(root)).toEqual(before);
  });
});
