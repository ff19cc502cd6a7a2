import { describe, expect, it } from "vitest";
import { auditOutcome } from "../../../src/checks/audit/npm-audit.ts";
import { CouldNotCheckError } from "../../../src/checks/gate.ts";
import { refusedAudit as refused } from "./fixtures.ts";

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) => ({
  status: Object.keys(vulnerabilities).length > 0 ? 1 : 0,
  stdout: JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
      dependencies: { prod: 120, dev: 300, total: 420 },
    },
  }),
  stderr: "",
});

describe("the dependency audit", () => {
  it("reports a high vulnerability as an error naming the package in package-lock.json", () => {
    const outcome = auditOutcome(
      report(
        {
          "markdown-it": {
            name: "markdown-it",
            severity: "high",
            range: "<14.1.1",
            via: [{ title: "Denial of service", url: "https://github.com/advisories/GHSA-x" }],
            fixAvailable: true,
          },
          nanoid: { name: "nanoid", severity: "moderate", range: "<3.3.8", via: ["postcss"] },
        },
        { high: 1, moderate: 1 },
      ),
    );
    expect(outcome.checked).toEqual({ "production dependencies": 120 });
    expect(outcome.findings).toMatchObject([
      {
        rule: "high-vulnerability",
        severity: "error",
        location: { file: "package-lock.json", key: "markdown-it" },
        message: expect.stringContaining(
          "Denial of service (https://github.com/advisories/GHSA-x)",
        ) as unknown,
      },
      { rule: "moderate-vulnerability", severity: "warning", location: { key: "nanoid" } },
    ]);
  });

  it("passes production dependencies without a known vulnerability, saying how many it checked", () => {
    const outcome = auditOutcome(report({}, {}));
    expect(outcome.findings).toEqual([]);
    expect(outcome.checked).toEqual({ "production dependencies": 120 });
  });

  it("could not check when the registry refuses the audit (405), never passes", () => {
    expect(() => auditOutcome(refused)).toThrow(CouldNotCheckError);
    expect(() => auditOutcome(refused)).toThrow(/405 Method Not Allowed/);
  });

  it("could not check when npm prints no report at all, naming what npm said", () => {
    expect(() =>
      auditOutcome({ status: 1, stdout: "", stderr: "npm error code ENOTFOUND\n" }),
    ).toThrow(/security advisories \(npm error code ENOTFOUND\)/);
  });
});
