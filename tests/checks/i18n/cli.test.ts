import path from "node:path";
import { makeTempDir } from "../../support/temp.ts";
import { describe, expect, it } from "vitest";
import { projectRoot, runScript } from "../../support/project.ts";
import { baseFiles, createFixture } from "./fixture.ts";

const checkScript = path.join(projectRoot, "scripts/check-i18n.ts");
const withoutGreeting = (baseFiles["locales/en/common.json"] ?? "").replace(
  '  "greeting": "Hello",\n',
  "",
);

interface JsonReport {
  passed: boolean;
  errors: number;
  warnings: number;
  findings: {
    severity: string;
    code: string;
    file: string;
    line?: number;
    key?: string;
    message: string;
  }[];
}

describe("npm run check:i18n", () => {
  it("exits 0 when only warnings remain, with one line per problem and a summary", async () => {
    const result = runScript(await createFixture(), checkScript);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "locales/en/common.json:2:3 (common.greeting): warning: not yet marked as translated from locales/de/common.json:2",
    );
    expect(result.stdout).toContain(
      "src/site/en/home.md (translatedFrom): warning: not yet marked",
    );
    expect(result.stdout).toMatch(/Translation check: no errors, 6 warnings\.\n[\s\S]*Passed\./);
  });

  it("exits 1 on an error, naming file, line, column and key", async () => {
    const result = runScript(
      await createFixture({ "locales/en/common.json": withoutGreeting }),
      checkScript,
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'locales/de/common.json:2:3 (common.greeting): error: this text is missing in English: add "greeting" to locales/en/common.json',
    );
    expect(result.stdout).toContain("Translation check: 1 error, ");
    expect(result.stdout).toContain("Failed: fix the errors");
  });

  it("fails on warnings with --strict", async () => {
    const result = runScript(await createFixture(), checkScript, ["--strict"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("with --strict, warnings count as errors");
  });

  it("prints the findings as JSON with --json", async () => {
    const result = runScript(
      await createFixture({ "locales/en/common.json": withoutGreeting }),
      checkScript,
      ["--json"],
    );
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toMatchObject({ passed: false, errors: 1 });
    expect(report.findings.find((finding) => finding.severity === "error")).toMatchObject({
      code: "missing-key",
      file: "locales/de/common.json",
      line: 2,
      column: 3,
      key: "common.greeting",
    });
  });

  it("exits 2 on a wrong command line or outside a project", async () => {
    const root = await createFixture();
    for (const args of [["--bogus"], ["src/site/de/start.md"]]) {
      const result = runScript(root, checkScript, args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run check:i18n");
    }
    const empty = runScript(await makeTempDir("gw-empty-"), checkScript);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("there is no locales/ folder");
  });
});
