import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gateReportSchema } from "../../../src/checks/gate.ts";
import { translationGate } from "../../../src/checks/i18n/gate.ts";
import { statusCommand } from "../../../src/checks/i18n/cli.ts";
import { runCommandCaptured, runGateCaptured } from "../../../src/checks/runner.ts";
import { projectRoot, runScript } from "../../support/project.ts";
import { makeTempDir } from "../../support/temp.ts";
import { baseFiles, createFixture } from "./fixture.ts";

const withoutGreeting = (baseFiles["locales/en/common.json"] ?? "").replace(
  '  "greeting": "Hello",\n',
  "",
);

/** Runs `npm run check:i18n` in-process, as the script does, in the project at `root`. */
async function checkI18n(root: string, argv: string[] = []) {
  const { exitCode: status, stdout, stderr } = await runGateCaptured(translationGate, argv, root);
  return { status, stdout, stderr };
}

describe("npm run check:i18n", () => {
  it("exits 0 when only warnings remain, with one line per problem and a summary", async () => {
    const result = await checkI18n(await createFixture());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "locales/en/common.json:2:3 (common.greeting): warning: key-not-marked: not yet marked as translated from locales/de/common.json:2",
    );
    expect(result.stdout).toContain(
      "src/site/en/home.md (translatedFrom): warning: page-not-marked: not yet marked",
    );
    expect(result.stdout).toContain(
      "Translation check: Checked 2 locale files, 2 pages: 0 errors, 6 warnings. PASSED",
    );
  });

  it("exits 1 on an error, naming file, line, column and key", async () => {
    const result = await checkI18n(
      await createFixture({ "locales/en/common.json": withoutGreeting }),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'locales/de/common.json:2:3 (common.greeting): error: missing-key: this text is missing in English: add "greeting" to locales/en/common.json',
    );
    expect(result.stdout).toContain("  Texts missing in a language: 1");
    expect(result.stdout).toContain("Fix the errors listed above");
    expect(result.stdout).toMatch(/: 1 error, \d+ warnings\. FAILED/);
  });

  it("fails on warnings with --strict", async () => {
    const root = await createFixture();
    expect((await checkI18n(root)).status).toBe(0);
    const result = await checkI18n(root, ["--strict"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("With --strict, warnings count as errors.");
    expect(result.stdout).toContain("0 errors, 6 warnings. FAILED");
  });

  it("prints the report as JSON with --json, in the gates' report schema", async () => {
    const result = await checkI18n(
      await createFixture({ "locales/en/common.json": withoutGreeting }),
      ["--json"],
    );
    expect(result.status).toBe(1);
    const report = gateReportSchema.parse(JSON.parse(result.stdout));
    expect(report).toMatchObject({ gate: "i18n", status: "failed", counts: { error: 1 } });
    expect(report.findings.find((finding) => finding.severity === "error")).toMatchObject({
      rule: "missing-key",
      location: { file: "locales/de/common.json", line: 2, column: 3, key: "common.greeting" },
      related: [{ file: "locales/en/common.json" }],
    });
  });

  it("reports a front-matter field pages may not use (tags: [a]) as one line with file, line and field", async () => {
    const home = (baseFiles["src/site/en/home.md"] ?? "").replace(
      "translationKey: home\n",
      "translationKey: home\ntags: [a]\n",
    );
    const root = await createFixture({ "src/site/en/home.md": home });
    const result = await checkI18n(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'src/site/en/home.md:5 (tags): error: page: "tags" is not a front matter field pages may use',
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/ZodError|^\s+at /m);
    const status = await runCommandCaptured(statusCommand, [], root);
    expect(status.exitCode).toBe(1);
    expect(status.stderr).toContain(
      'src/site/en/home.md:5 (tags): "tags" is not a front matter field pages may use (they may use: title,',
    );
    // One line per problem, each naming its file and line: the English page is set aside, and
    // its German twin, which has a twin, only not a readable one, is not reported for lacking it.
    expect(status.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^src\/site\/en\/home\.md:5 \(tags\): /),
    ]);
    expect(status.stdout).toContain("Translation status");
    expect(status.stdout).not.toContain("missing: page home");
  });

  it("exits 2 on a wrong command line, with the help", async () => {
    const root = await createFixture();
    for (const args of [["--bogus"], ["src/site/de/start.md"]]) {
      const result = await checkI18n(root, args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run check:i18n");
    }
  });

  it("exits 2, not 0, when there is no project, no locale file or no page to check", async () => {
    const empty = await checkI18n(await makeTempDir("gw-empty-"));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("there is no locales/ folder");

    for (const [files, problem] of [
      [
        ["locales/de/common.json", "locales/en/common.json"],
        "no locale file was found in locales/",
      ],
      [
        ["src/site/de/start.md", "src/site/en/home.md"],
        "no page was found in src/site/<language>/",
      ],
    ] as const) {
      const root = await createFixture();
      for (const file of files) await rm(path.join(root, file));
      const result = await checkI18n(root);
      expect(result.status, problem).toBe(2);
      expect(result.stderr).toContain(problem);
      expect(result.stderr).toContain("COULD NOT CHECK");
    }
  });

  it("runs as a script end to end, writing reports/i18n/report.json", async () => {
    const root = await createFixture({ "locales/en/common.json": withoutGreeting });
    const result = runScript(root, path.join(projectRoot, "scripts/check.ts"), ["i18n"]);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toContain("error: missing-key: this text is missing in English");
    const report = gateReportSchema.parse(
      JSON.parse(await readFile(path.join(root, "reports/i18n/report.json"), "utf8")),
    );
    expect(report.status).toBe("failed");
  });
});
