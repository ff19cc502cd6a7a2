import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gates, type RegisteredGate } from "../../../src/checks/gates.ts";
import { gateSteps, resultOf, vitestCounts, type Step } from "../../../scripts/lib/test-steps.ts";
import { projectRoot } from "../../support/project.ts";
import { makeTempDirSync } from "../../support/temp.ts";

/**
 * Runs the project's vitest on test files in a folder of their own and returns its JSON report
 * and the folder. The variables of the vitest running this test are left out: they would make
 * the inner run think it is one of this run's workers.
 */
function vitestReportOf(testFiles: Record<string, string>): { report: string; folder: string } {
  const folder = makeTempDirSync("gw-vitest-report-");
  writeFileSync(path.join(folder, "vitest.config.mjs"), "export default {};\n");
  for (const [name, text] of Object.entries(testFiles)) {
    writeFileSync(path.join(folder, name), text);
  }
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_OPTIONS$|TEST$)/.test(name)),
  );
  const report = path.join(folder, "report.json");
  spawnSync(
    path.join(projectRoot, "node_modules", ".bin", "vitest"),
    ["run", "--reporter=json", `--outputFile.json=${report}`],
    { cwd: folder, env, encoding: "utf8" },
  );
  return { report: readFileSync(report, "utf8"), folder };
}

const gate: Step = { name: "duplicates", title: "duplicate content", command: ["check"] };
const audit: Step = { ...gate, name: "audit", couldNotCheck: "skipped" };

describe("how npm test counts a step", () => {
  it("counts a step that exits 0 as passed and any other exit as failed", () => {
    expect(resultOf(gate, 0, 1)).toMatchObject({ status: "ok", passed: 1, failed: 0 });
    expect(resultOf(gate, 1, 1)).toMatchObject({ status: "FAIL", passed: 0, failed: 1 });
  });

  it("fails a gate that could not check (exit 2), never skips or passes it", () => {
    expect(resultOf(gate, 2, 1)).toMatchObject({ status: "FAIL", failed: 1, skipped: 0 });
  });

  it("skips the audit when the registry could not be asked (exit 2), and fails it on findings", () => {
    expect(resultOf(audit, 2, 1)).toMatchObject({ status: "skipped", passed: 0, skipped: 1 });
    expect(resultOf(audit, 1, 1)).toMatchObject({ status: "FAIL", failed: 1 });
    expect(resultOf(audit, 0, 1)).toMatchObject({ status: "ok", passed: 1 });
  });

  it("fails a step that passes without running a single test", () => {
    const vitest: Step = { ...gate, count: () => ({ passed: 0, failed: 0 }) };
    expect(resultOf(vitest, 0, 1)).toMatchObject({ status: "FAIL", failed: 1 });
  });

  it("names each failed test in its file with the first line of why, and no passed test", () => {
    const { report, folder } = vitestReportOf({
      "sample.test.ts": [
        'import { expect, it } from "vitest";',
        'it("adds up", () => expect(1 + 1).toBe(2));',
        'it("reads its greeting", () => expect("Hallo\\nWelt", "the greeting").toBe("Hallo"));',
      ].join("\n"),
      "setup.test.ts": [
        'import { beforeAll, expect, it } from "vitest";',
        'beforeAll(() => { throw new Error("the first build failed: 1 broken link(s)"); });',
        'it("is never run", () => expect(1).toBe(1));',
      ].join("\n"),
    });
    const counts = vitestCounts(report, folder);
    expect(counts).toMatchObject({ passed: 1, failed: 2 });
    expect([...(counts.failures ?? [])].sort()).toEqual([
      "sample.test.ts › reads its greeting: AssertionError: the greeting: expected 'Hallo\\nWelt' to be 'Hallo' // Object.is equality",
      "setup.test.ts: the first build failed: 1 broken link(s)",
    ]);
    const vitest: Step = { ...gate, count: () => counts };
    expect(resultOf(vitest, 1, 1)).toMatchObject({ status: "FAIL", failures: counts.failures });
  });

  it("leaves out a gate that runs alone, in CI too", () => {
    const alone: RegisteredGate = {
      name: "visual",
      description: "visual changes",
      runs: "alone",
      couldNotCheck: "fails",
      run: () => Promise.resolve(0),
    };
    const names = (inCi: boolean) => gateSteps([...gates, alone], inCi).map((step) => step.name);
    expect(names(false)).not.toContain("visual");
    expect(names(true)).not.toContain("visual");
  });

  it("takes its gates from the registry, those for CI only where CI is set", () => {
    const here = gateSteps(gates, false).map((step) => step.name);
    const inCi = gateSteps(gates, true).map((step) => step.name);
    expect(here).toEqual(["i18n", "duplicates", "leichte-sprache", "a11y"]);
    expect(inCi).toEqual([...here, "audit"]);
    expect(gateSteps(gates, true).at(-1)).toMatchObject({
      title: "dependency audit (check:audit)",
      couldNotCheck: "skipped",
      command: [process.execPath, "--import", "tsx", "scripts/check.ts", "audit"],
    });
  });
});
