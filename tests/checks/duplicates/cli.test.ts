import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { duplicatesGate, type DuplicateDetails } from "../../../src/checks/duplicates/gate.ts";
import { gateReportSchema } from "../../../src/checks/gate.ts";
import { runGateCaptured, type CapturedRun } from "../../../src/checks/runner.ts";
import { runScript } from "../../support/project.ts";
import { makeTempDir } from "../../support/temp.ts";
import { projectRoot } from "./fixtures.ts";

let folder: string;

/** Runs `npm run check:duplicates` in-process in the temporary folder, as from a project root. */
function runCli(...args: string[]): Promise<CapturedRun> {
  return runGateCaptured(duplicatesGate, args, folder);
}

async function write(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), content);
}

const firstParagraph =
  "Die Gesundheitsämter der Landkreise beraten Schulen, Kitas und Pflegeheime bei Fragen zur Hygiene.";
const secondParagraph =
  "Im Sommer informieren sie außerdem über Hitzeschutz für ältere Menschen und für Kinder.";

beforeEach(async () => {
  folder = await makeTempDir("duplicates-cli-");
});

describe("npm run check:duplicates", () => {
  it("exits 0 and says so when nothing is repeated", async () => {
    await write("de/seite.md", `${firstParagraph}\n\n${secondParagraph}\n`);
    const run = await runCli("de");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      "Duplicate check: Checked 1 file, 2 blocks: 0 errors, 0 warnings. PASSED",
    );
  });

  it("exits 1 and shows a pasted-twice text file as one run with both line ranges", async () => {
    const wrapped = firstParagraph.replace(" beraten ", " beraten\n");
    await write(
      "quelle.txt",
      `Gesundheitsämter\n\n${firstParagraph}\n\n${secondParagraph}\n\n${wrapped}\n\n${secondParagraph}\n`,
    );
    const run = await runCli("--lang", "de", "quelle.txt");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "quelle.txt:3: error: repeated-run: Repeated passage: the same 2 blocks in a row stand twice in this file (pasted twice?). It stands at quelle.txt:3-5, quelle.txt:7-10: “Die Gesundheitsämter der Landkreise beraten Schulen",
    );
    expect(run.stdout).toMatch(/\(id [0-9a-f]{16}\)\n/);
    expect(run.stdout).toContain("Checked 1 file, 5 blocks: 1 error, 0 warnings. FAILED");
  });

  it("prints the report as JSON with --json, each repeat with its id and places in its details", async () => {
    await write("de/a.md", `${firstParagraph}\n`);
    await write("de/b.md", `# Hygiene\n\n${firstParagraph}\n`);
    const run = await runCli("--json", "de");
    expect(run.exitCode).toBe(1);
    const report = gateReportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({
      gate: "duplicates",
      status: "failed",
      checked: { files: 2, blocks: 3 },
      counts: { error: 1, warning: 0 },
      findings: [
        {
          rule: "exact-repeat",
          location: { file: "de/a.md", line: 1 },
          related: [{ file: "de/b.md", line: 3 }],
        },
      ],
    });
    expect((report.details as DuplicateDetails).repeats).toEqual([
      {
        kind: "exact-repeat",
        hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
        excerpt: expect.stringContaining("Die Gesundheitsämter der Landkreise") as unknown,
        occurrences: [
          { path: "de/a.md", startLine: 1, endLine: 1, lang: "de", blockKind: "paragraph" },
          { path: "de/b.md", startLine: 3, endLine: 3, lang: "de", blockKind: "paragraph" },
        ],
      },
    ]);
  });

  it("exits 0 when the project's allow-list accepts the repeat, and 1 without it", async () => {
    await write("de/a.md", `${firstParagraph}\n`);
    await write("de/b.md", `${firstParagraph}\n`);
    expect((await runCli("de")).exitCode).toBe(1);
    await write(
      "duplicates-allow.json",
      JSON.stringify({
        entries: [{ text: firstParagraph, reason: "Steht bewusst auf beiden Seiten." }],
      }),
    );
    const run = await runCli("de");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("1 repeat accepted");
  });

  it("exits 2 naming the allow-list when an entry has no reason", async () => {
    await write("de/a.md", `${firstParagraph}\n`);
    await write("ausnahmen.json", JSON.stringify({ entries: [{ text: firstParagraph }] }));
    const run = await runCli("--allow", "ausnahmen.json", "de");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('ausnahmen.json: entry 1 cannot be used: it has no "reason"');
  });

  it("exits 2 naming a file that does not exist", async () => {
    const run = await runCli("de/fehlt.md");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("de/fehlt.md: no such file or folder.");
  });

  it("exits 2 instead of passing when no file was found to check", async () => {
    await write("bilder/foto.jpg", "");
    const run = await runCli("bilder");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("nothing was checked");
  });

  it("exits 2 asking for a build when the project has no _site folder", async () => {
    await write("src/site/de/seite.md", `${firstParagraph}\n`);
    const run = await runCli();
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("Run npm run build first.");
  });

  it("exits 2 instead of passing when the project has built pages but no Markdown page", async () => {
    await write(
      "_site/de/seite/index.html",
      `<html lang="de"><main><p>${firstParagraph}</p></main></html>`,
    );
    const run = await runCli();
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("No Markdown page was found in src/site/");
    await write("src/site/de/seite.md", `${secondParagraph}\n`);
    expect((await runCli()).exitCode).toBe(0);
  });

  it("checks the Markdown sources and the main content of the built pages of a project", async () => {
    await write("src/site/de/seite.md", `${firstParagraph}\n`);
    const page = (body: string) =>
      `<html lang="de"><body><header><p>${secondParagraph}</p></header><main>${body}</main></body></html>`;
    await write("_site/de/seite/index.html", page(`<p>${firstParagraph}</p>`));
    await write("_site/de/andere/index.html", page(`<p>${firstParagraph}</p>`));
    const run = await runCli();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "_site/de/andere/index.html:1: error: exact-repeat: Exact repeat: the same paragraph stands twice. It stands at _site/de/andere/index.html:1, _site/de/seite/index.html:1",
    );
    expect(run.stdout).toContain("Checked 3 files, 3 blocks: 1 error, 0 warnings. FAILED");
  });

  it("exits 2 on an unknown option or an option without its value", async () => {
    const unknown = await runCli("--schnell");
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--schnell'");
    const empty = await runCli("--lang=", "de");
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain("--lang needs a value.");
  });

  it("runs as a script end to end, writing reports/duplicates/report.json", async () => {
    await write("de/a.md", `${firstParagraph}\n`);
    await write("de/b.md", `${firstParagraph}\n`);
    const run = runScript(folder, join(projectRoot, "scripts/check.ts"), ["duplicates", "de"]);
    expect(run.status, run.output).toBe(1);
    expect(run.stdout).toContain("de/a.md:1: error: exact-repeat: ");
    const report = gateReportSchema.parse(
      JSON.parse(await readFile(join(folder, "reports/duplicates/report.json"), "utf8")),
    );
    expect(report).toMatchObject({ status: "failed", exitCode: 1 });
  });
});
