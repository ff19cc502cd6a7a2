import { describe, expect, it } from "vitest";
import { gates, type RegisteredGate } from "../../../src/checks/gates.ts";
import { gateSteps, resultOf, type Step } from "../../../scripts/lib/test-steps.ts";

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
