import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectRoot } from "./fixtures.ts";

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const script = join(projectRoot, "scripts/check-duplicates.ts");
let folder: string;

/** Runs the real command line in the temporary folder, as an editor would from a project root. */
function runCli(...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("npx", ["--no-install", "--prefix", projectRoot, "tsx", script, ...args], {
      cwd: folder,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      resolvePromise({ exitCode, stdout, stderr });
    });
  });
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
  folder = await mkdtemp(join(tmpdir(), "duplicates-cli-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("npm run check:duplicates", () => {
  it("exits 0 and says so when nothing is repeated", async () => {
    await write("de/seite.md", `${firstParagraph}\n\n${secondParagraph}\n`);
    const run = await runCli("de");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("No repeated text found in 1 file (2 blocks).");
  });

  it("exits 1 and shows a pasted-twice text file as one run with both line ranges", async () => {
    const wrapped = firstParagraph.replace(" beraten ", " beraten\n");
    await write(
      "quelle.txt",
      `Gesundheitsämter\n\n${firstParagraph}\n\n${secondParagraph}\n\n${wrapped}\n\n${secondParagraph}\n`,
    );
    const run = await runCli("--lang", "de", "quelle.txt");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Repeated passage: the same 2 blocks in a row stand twice");
    expect(run.stdout).toContain("  quelle.txt:3-5\n  quelle.txt:7-10\n");
    expect(run.stdout).toContain("“Die Gesundheitsämter der Landkreise beraten Schulen");
    expect(run.stdout).toContain("Checked 1 file (5 blocks): 1 finding.");
  });

  it("prints the findings as JSON with --json", async () => {
    await write("de/a.md", `${firstParagraph}\n`);
    await write("de/b.md", `# Hygiene\n\n${firstParagraph}\n`);
    const run = await runCli("--json", "de");
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as unknown;
    expect(report).toEqual({
      summary: { files: 2, blocks: 3, findings: 1, accepted: 0 },
      findings: [
        {
          kind: "exact-repeat",
          hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
          excerpt: expect.stringContaining("Die Gesundheitsämter der Landkreise") as unknown,
          occurrences: [
            { path: "de/a.md", startLine: 1, endLine: 1, lang: "de", blockKind: "paragraph" },
            { path: "de/b.md", startLine: 3, endLine: 3, lang: "de", blockKind: "paragraph" },
          ],
        },
      ],
      accepted: [],
      warnings: [],
    });
  });

  it("exits 0 when the project's allow-list accepts the repeat", async () => {
    await write("de/a.md", `${firstParagraph}\n`);
    await write("de/b.md", `${firstParagraph}\n`);
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

  it("checks the Markdown sources and the main content of the built pages of a project", async () => {
    await write("src/site/de/seite.md", `${firstParagraph}\n`);
    const page = (body: string) =>
      `<html lang="de"><body><header><p>${secondParagraph}</p></header><main>${body}</main></body></html>`;
    await write("_site/de/seite/index.html", page(`<p>${firstParagraph}</p>`));
    await write("_site/de/andere/index.html", page(`<p>${firstParagraph}</p>`));
    const run = await runCli();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("  _site/de/andere/index.html:1\n  _site/de/seite/index.html:1\n");
    expect(run.stdout).toContain("Checked 3 files (3 blocks): 1 finding.");
  });

  it("exits 2 on an unknown option", async () => {
    const run = await runCli("--schnell");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("unknown option --schnell");
  });
});
