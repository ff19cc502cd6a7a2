import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CouldNotCheckError,
  UsageError,
  gateReportSchema,
  type Finding,
  type Gate,
} from "../../src/checks/gate.ts";
import {
  formatFinding,
  renderReportHtml,
  runGateCaptured,
  type CapturedRun,
} from "../../src/checks/runner.ts";
import { projectRoot, runScriptAsync } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";
import { createExchangeFixture } from "../translation/fixture.ts";

interface WordOptions {
  files: string[];
  word: string;
  strict: boolean;
}

/**
 * A small gate for the runner: every line of the given files that contains the forbidden word
 * is an error, every line containing "maybe" a warning.
 */
const wordGate: Gate<WordOptions> = {
  name: "words",
  title: "Word check",
  summary: "Finds a forbidden word in text files.",
  usage: `Usage: words --word WORD FILE...

Options:
  --word WORD     the forbidden word
  --strict        fail on warnings too`,
  options: { word: { type: "string" }, strict: { type: "boolean" } },
  allowPositionals: true,
  parse(args) {
    const word = args.values.word;
    if (typeof word !== "string" || word === "") throw new UsageError("--word needs a word");
    return { files: args.positionals, word, strict: args.values.strict === true };
  },
  async run(options, context) {
    const findings: Finding[] = [];
    let lines = 0;
    for (const file of options.files) {
      const text = await readFile(path.join(context.projectRoot, file), "utf8").catch(() => {
        throw new CouldNotCheckError(`${file}: no such file`);
      });
      context.log(`reading ${file}`);
      text.split("\n").forEach((line, index) => {
        lines += 1;
        const column = line.indexOf(options.word);
        if (column !== -1) {
          findings.push({
            rule: "forbidden-word",
            severity: "error",
            message: `"${options.word}" is not allowed`,
            location: { file, line: index + 1, column: column + 1 },
          });
        } else if (line.includes("maybe")) {
          findings.push({
            rule: "hedging",
            severity: "warning",
            message: "say it or leave it out",
            location: { file, line: index + 1 },
          });
        }
      });
    }
    return {
      findings,
      checked: { files: options.files.length, lines },
      notes: [`Looked for "${options.word}".`],
      details: { word: options.word },
    };
  },
  fails: (finding, options) => finding.severity === "error" || options.strict,
};

interface Captured extends CapturedRun {
  root: string;
}

async function project(files: Record<string, string>): Promise<string> {
  const root = await makeTempDir("runner-");
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(root, name), content);
  }
  return root;
}

async function run(
  argv: string[],
  files: Record<string, string> = {},
  gate: Gate<WordOptions> = wordGate,
): Promise<Captured> {
  const root = await project(files);
  return { ...(await runGateCaptured(gate, argv, root)), root };
}

async function readReport(root: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(root, "reports/words/report.json"), "utf8"));
}

const clean = { "a.txt": "all fine\nreally" };
const forbidden = { "a.txt": "all fine\nthe bad word" };
const hedging = { "a.txt": "all fine\nmaybe" };

describe("runGateCli", () => {
  it("exits 0 when nothing is found and says what it checked", async () => {
    const result = await run(["--word", "bad", "a.txt"], clean);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Looked for "bad".');
    expect(result.stdout).toContain(
      "Word check: Checked 1 file, 2 lines: 0 errors, 0 warnings. PASSED",
    );
  });

  it("exits 1 on a finding, one line each as file:line:col: severity: rule: message", async () => {
    const result = await run(["--word", "bad", "a.txt"], forbidden);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('a.txt:2:5: error: forbidden-word: "bad" is not allowed\n');
    expect(result.stdout).toContain("1 error, 0 warnings. FAILED");
  });

  it("passes with a warning, and fails on it when the gate says so (--strict)", async () => {
    const relaxed = await run(["--word", "bad", "a.txt"], hedging);
    expect(relaxed.exitCode).toBe(0);
    expect(relaxed.stdout).toContain("a.txt:2: warning: hedging: say it or leave it out");
    const strict = await run(["--word", "bad", "--strict", "a.txt"], hedging);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain("0 errors, 1 warning. FAILED");
  });

  it("exits 2 when nothing was checked, never passing on nothing", async () => {
    const nothing = await run(["--word", "bad"], clean);
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toContain("nothing was checked (0 files, 0 lines). COULD NOT CHECK");
    expect(await readReport(nothing.root)).toMatchObject({
      status: "could-not-check",
      exitCode: 2,
    });
    const something = await run(["--word", "bad", "a.txt"], clean);
    expect(something.exitCode).toBe(0);
  });

  it("exits 2 when the gate could not check, naming why", async () => {
    const result = await run(["--word", "bad", "missing.txt"], clean);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Word check: missing.txt: no such file. COULD NOT CHECK");
    expect(await readReport(result.root)).toMatchObject({
      status: "could-not-check",
      problem: "missing.txt: no such file",
    });
  });

  it("exits 2 on an unexpected error in the gate, with the error's message", async () => {
    const broken: Gate<WordOptions> = {
      ...wordGate,
      run: () => Promise.reject(new Error("disk on fire")),
    };
    const result = await run(["--word", "bad", "a.txt"], clean, broken);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "Word check: stopped because of an unexpected error (disk on fire); run it again with --debug to see where it happened. COULD NOT CHECK",
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const debugged = await run(["--word", "bad", "--debug", "a.txt"], clean, broken);
    expect(debugged.exitCode).toBe(2);
    expect(debugged.stderr).toMatch(/^Error: disk on fire\n\s+at /m);
  });

  it("exits 2 on a wrong command line, with the help, and writes no report", async () => {
    for (const argv of [["--word", "bad", "--bogus", "a.txt"], ["a.txt"], ["--word"]]) {
      const result = await run(argv, clean);
      expect(result.exitCode, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain("Word check: ");
      expect(result.stderr).toContain("Usage: words --word WORD FILE...");
      await expect(readReport(result.root)).rejects.toThrow(/ENOENT/);
    }
    expect((await run(["--bogus"], clean)).stderr).toContain("Unknown option '--bogus'");
    expect((await run(["a.txt"], clean)).stderr).toContain("--word needs a word");
  });

  it("prints the gate's help with the options every gate shares, and exits 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const result = await run([flag], clean);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^Finds a forbidden word in text files\.\n/);
      expect(result.stdout).toContain("--strict        fail on warnings too");
      expect(result.stdout).toContain("--json");
      expect(result.stdout).toContain("Exit status: 0 passed, 1 findings, 2 could not check");
      expect(result.stdout).toContain("reports/words/report.json");
    }
  });

  it("prints the report as JSON on stdout with --json, progress on stderr", async () => {
    const result = await run(["--word", "bad", "--json", "a.txt"], forbidden);
    expect(result.exitCode).toBe(1);
    const report = gateReportSchema.parse(JSON.parse(result.stdout));
    expect(report).toMatchObject({ gate: "words", status: "failed", exitCode: 1 });
    expect(report.findings[0]).toMatchObject({
      rule: "forbidden-word",
      location: { file: "a.txt", line: 2, column: 5 },
    });
    expect(result.stderr).toContain("reading a.txt");
    expect(result.stderr).toContain("FAILED");
    const passing = await run(["--word", "bad", "--json", "a.txt"], clean);
    expect(gateReportSchema.parse(JSON.parse(passing.stdout)).status).toBe("passed");
  });

  it("writes report.json in the one schema, which rejects a report of another shape", async () => {
    for (const [files, status] of [
      [clean, "passed"],
      [forbidden, "failed"],
    ] as const) {
      const { root } = await run(["--word", "bad", "a.txt"], files);
      const report = gateReportSchema.parse(await readReport(root));
      expect(report).toMatchObject({
        gate: "words",
        schemaVersion: 1,
        status,
        checked: { files: 1, lines: 2 },
        counts: { error: status === "failed" ? 1 : 0, warning: 0 },
        notes: ['Looked for "bad".'],
        details: { word: "bad" },
      });
    }
    const { root } = await run(["--word", "bad", "a.txt"], clean);
    const report = (await readReport(root)) as Record<string, unknown>;
    expect(gateReportSchema.safeParse({ ...report, status: "ok" }).success).toBe(false);
    expect(gateReportSchema.safeParse({ ...report, counts: undefined }).success).toBe(false);
    expect(gateReportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
  });

  it("writes an accessible report.html with the findings in a table", async () => {
    const { root } = await run(["--word", "<b>", "a.txt"], { "a.txt": "x <b> y" });
    const page = await readFile(path.join(root, "reports/words/report.html"), "utf8");
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("<h1>Word check: FAILED</h1>");
    expect(page).toContain('<th scope="col">Where</th>');
    expect(page).toContain("<td>a.txt:1:3</td>");
    expect(page).toContain("&quot;&lt;b&gt;&quot; is not allowed");
    const passing = await run(["--word", "bad", "a.txt"], clean);
    const passed = await readFile(path.join(passing.root, "reports/words/report.html"), "utf8");
    expect(passed).toContain("<p>No findings.</p>");
    expect(passed).not.toContain("<table>");
  });

  it("takes a finding's criteria and measured values into the schema and shows the values in report.html", async () => {
    const { root } = await run(["--word", "bad", "a.txt"], forbidden);
    const report = gateReportSchema.parse(await readReport(root));
    const finding = {
      ...report.findings[0],
      criteria: ["1.4.3"],
      measured: { contrast: "2.31:1", text: "#c8c8c8", boxes: 2 },
    };
    const measuring = gateReportSchema.parse({ ...report, findings: [finding] });
    expect(measuring.findings[0]).toMatchObject(finding);
    expect(renderReportHtml(measuring, "Word check")).toContain(
      "Measured: contrast 2.31:1, text #c8c8c8, boxes 2",
    );
    for (const wrong of [{ criteria: "1.4.3" }, { measured: { contrast: { ratio: 2 } } }]) {
      const findings = [{ ...report.findings[0], ...wrong }];
      expect(gateReportSchema.safeParse({ ...report, findings }).success).toBe(false);
    }
  });

  it("turns SIGINT and SIGTERM into the gate's abort signal and exits 130 or 143 after its cleanup", async () => {
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const) {
      let cleanedUp = false;
      const listenersBefore = process.listenerCount(signal);
      const waiting: Gate<WordOptions> = {
        ...wordGate,
        run: (_options, context) =>
          new Promise((_resolve, reject) => {
            context.signal.addEventListener("abort", () => {
              cleanedUp = true;
              reject(context.signal.reason as Error);
            });
            setImmediate(() => process.emit(signal, signal));
          }),
      };
      const result = await run(["--word", "bad", "a.txt"], clean, waiting);
      expect(result.exitCode).toBe(code);
      expect(cleanedUp).toBe(true);
      expect(result.stderr).toContain(`stopped by ${signal}`);
      expect(process.listenerCount(signal)).toBe(listenersBefore);
    }
    expect((await run(["--word", "bad", "a.txt"], clean)).exitCode).toBe(0);
  });
});

describe("the runner when the reader of its output closes early", () => {
  it.each([
    ["stdout", ["--help"], 0, "stderr"],
    ["stderr", ["--bogus"], 2, "stdout"],
  ] as const)(
    "prints nothing more when %s closes, and exits quietly with the command's own status",
    async (closed, args, status, other) => {
      const result = await runScriptAsync(projectRoot, "scripts/i18n-export.ts", [...args], closed);
      // No stack trace on the other stream, and the status the command gives (a crash is 1).
      expect(result[other]).toBe("");
      expect(result.status).toBe(status);
    },
  );

  it("still writes a gate's report and exits 1 for its findings when stdout closes", async () => {
    const root = await createExchangeFixture({
      "locales/en/common.json":
        '{ "greeting": "Hello {{name}}", "region": { "north": "North" } }\n',
    });
    const result = await runScriptAsync(
      root,
      path.join(projectRoot, "scripts/check.ts"),
      ["i18n"],
      "stdout",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const report = gateReportSchema.parse(
      JSON.parse(await readFile(path.join(root, "reports/i18n/report.json"), "utf8")),
    );
    expect(report.status).toBe("failed");
    expect(report.findings.map((finding) => finding.rule)).toContain("missing-key");
  });
});

describe("formatFinding", () => {
  const finding: Finding = { rule: "r", severity: "error", message: "m" };

  it("places a finding at its file, line and column, or at its page and element", () => {
    expect(formatFinding({ ...finding, location: { file: "a.md", line: 2, column: 3 } })).toBe(
      "a.md:2:3: error: r: m",
    );
    expect(formatFinding({ ...finding, url: "http://127.0.0.1/de/", selector: "main" })).toBe(
      "http://127.0.0.1/de/ main: error: r: m",
    );
  });

  it("says a finding with neither file nor page is about the whole run, instead of an empty place", () => {
    expect(formatFinding(finding)).toBe("(whole run): error: r: m");
  });
});
