import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDuplicates } from "../../../src/checks/duplicates/check.ts";
import { readFiles } from "../../../src/checks/duplicates/files.ts";
import { projectRoot } from "./fixtures.ts";

// The source text the issue was found in lies beside the project, not in it.
const seed = resolve(projectRoot, "../shared/seeds/000_7493c1bb10c19635.txt");

const present = existsSync(seed);

describe("the pasted source text", () => {
  (present ? it : it.skip)(
    present
      ? "is reported as one repeated run"
      : "is reported as one repeated run (skipped: ../shared/seeds/000_7493c1bb10c19635.txt is not beside the project)",
    () => {
      const report = checkDuplicates(readFiles([seed], { cwd: resolve(seed, "..") }));
      expect(
        report.findings.map((finding) => [
          finding.kind,
          finding.occurrences.map((o) => `${o.path}:${o.startLine}-${o.endLine}`),
        ]),
      ).toEqual([
        ["repeated-run", ["000_7493c1bb10c19635.txt:5-23", "000_7493c1bb10c19635.txt:25-43"]],
      ]);
    },
  );
});
