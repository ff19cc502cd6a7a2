import { spawnSync } from "node:child_process";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gateReportSchema } from "../../src/checks/gate.ts";
import { refusedAudit } from "../checks/audit/fixtures.ts";
import { copyProject, editFile, runScript } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";

/** A small gate, written as README's "Adding a gate" says: pages that still say TODO fail. */
const todoGate = `import type { Finding, Gate } from "../gate.ts";
import { readPages } from "../../lib/page-sources.ts";

/** Refuses pages that still hold a "TODO". */
export const todoGate: Gate<Record<string, never>> = {
  name: "todo",
  title: "TODO check",
  summary: "Finds pages that still say TODO.",
  usage: "Usage: npm run check:todo\\n\\nOptions:",
  options: {},
  parse: () => ({}),
  async run(_options, context) {
    const { pages } = await readPages(context.projectRoot);
    const findings: Finding[] = pages.flatMap((page) =>
      page.text.split("\\n").flatMap((line, index) =>
        line.includes("TODO")
          ? [{ rule: "todo", severity: "error" as const, message: "finish this first", location: { file: page.file, line: index + 1 } }]
          : [],
      ),
    );
    return { findings, checked: { pages: pages.length } };
  },
};
`;

/** The gate's entry in src/checks/gates.ts and its npm script, the other two steps. */
const registration = `export const gates: readonly RegisteredGate[] = [
  register({ name: "todo", description: "unfinished pages" }, async () => {
    const { todoGate } = await import("./todo/gate.ts");
    return todoGate;
  }),`;

describe("npm test", () => {
  let root: string;

  beforeAll(async () => {
    root = await copyProject();
    await mkdir(path.join(root, "src/checks/todo"));
    await writeFile(path.join(root, "src/checks/todo/gate.ts"), todoGate);
    await editFile(root, "src/checks/gates.ts", (text) =>
      text.replace("export const gates: readonly RegisteredGate[] = [", registration),
    );
    await editFile(root, "package.json", (text) =>
      text.replace(
        '"scripts": {',
        '"scripts": {\n    "check:todo": "node --import tsx scripts/check.ts todo",',
      ),
    );
  });

  it("runs a gate registered in src/checks/gates.ts, with nothing else to change", async () => {
    const run = runScript(root, "scripts/test.ts", ["--only", "todo"]);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain(
      "▶ unfinished pages (check:todo): node --import tsx scripts/check.ts todo",
    );
    expect(run.stdout).toMatch(/TODO check: Checked \d+ pages: 0 errors, 0 warnings\. PASSED/);
    expect(run.stdout).toMatch(/ok {6}unfinished pages \(check:todo\)/);
    expect(run.stdout).toMatch(/^1 passed, 0 failed$/m);
    const report = gateReportSchema.parse(
      JSON.parse(await readFile(path.join(root, "reports/todo/report.json"), "utf8")),
    );
    expect(report).toMatchObject({ gate: "todo", status: "passed" });
  });

  it("fails when the registered gate finds an error, which npm run check:<gate> shows too", async () => {
    const page = "src/site/de/impressum.md";
    await editFile(root, page, (text) => `${text}\nTODO: Anschrift\n`);
    const run = runScript(root, "scripts/test.ts", ["--only", "todo"]);
    expect(run.status, run.output).toBe(1);
    expect(run.stdout).toMatch(/src\/site\/de\/impressum\.md:\d+: error: todo: finish this first/);
    expect(run.stdout).toMatch(/^0 passed, 1 failed$/m);
    const alone = spawnSync("npm", ["run", "-s", "check:todo"], { cwd: root, encoding: "utf8" });
    expect(alone.status, alone.stderr).toBe(1);
    expect(alone.stdout).toContain("TODO check: Checked");
  });

  it("counts the dependency audit as skipped, never passed, when the registry refuses it", async () => {
    // An npm that answers `npm audit` as a registry refusing the audit endpoint does.
    const bin = await makeTempDir("gw-fake-npm-");
    await writeFile(
      path.join(bin, "npm"),
      `#!/bin/sh\ncat <<'JSON'\n${refusedAudit.stdout}JSON\necho '${refusedAudit.stderr.trim()}' >&2\nexit 1\n`,
    );
    await chmod(path.join(bin, "npm"), 0o755);
    const env = { CI: "true", PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
    const run = runScript(root, "scripts/test.ts", ["--only", "audit"], env);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain("405 Method Not Allowed");
    expect(run.stdout).toMatch(/skipped dependency audit \(check:audit\)/);
    expect(run.stdout).toMatch(/^0 passed, 0 failed, 1 skipped$/m);
  });

  it("refuses a step it does not have (exit 2) with its usage and no stack trace", () => {
    const run = runScript(root, "scripts/test.ts", ["--only", "spelling"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no step named "spelling" runs here');
    expect(run.stderr).toContain("Usage: npm test");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
