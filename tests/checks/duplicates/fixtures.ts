import { resolve } from "node:path";
import { checkDuplicates, type CheckOptions } from "../../../src/checks/duplicates/check.ts";
import { collectFiles, readFiles } from "../../../src/checks/duplicates/files.ts";
import type { DuplicateReport } from "../../../src/checks/duplicates/types.ts";

/** The folder of the fixtures written for these tests. */
export const fixturesRoot = resolve(import.meta.dirname, "fixtures");

/** The project root, from which the command line is run. */
export const projectRoot = resolve(import.meta.dirname, "../../..");

/** Checks fixture folders; paths in the report are relative to the fixtures folder. */
export async function checkFixtures(
  folders: string[],
  options: CheckOptions = {},
): Promise<DuplicateReport> {
  const paths = await collectFiles(folders, fixturesRoot);
  return checkDuplicates(readFiles(paths, { cwd: fixturesRoot }), options);
}

/** Each finding as "kind path:start-end, path:start-end" for compact assertions. */
export function summarise(report: DuplicateReport): string[] {
  return report.findings.map(
    (finding) =>
      `${finding.kind} ${finding.occurrences
        .map((occurrence) => `${occurrence.path}:${occurrence.startLine}-${occurrence.endLine}`)
        .join(", ")}`,
  );
}
