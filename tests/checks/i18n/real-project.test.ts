import { describe, expect, it } from "vitest";
import { projectRoot, runScript } from "../../support/project.ts";

describe("the real project", () => {
  it("passes npm run check:i18n (warnings such as pages not yet marked are allowed)", () => {
    const result = runScript(projectRoot, "scripts/check.ts", ["i18n"]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(
      /Translation check: Checked \d+ locale files, \d+ pages: 0 errors, \d+ warnings?\. PASSED/,
    );
  });
});
