import { parseArgs } from "node:util";
import { defaultExportFolder, exportTranslations } from "./export.ts";
import { formatProblem, importTranslations } from "./import.ts";

/** What a command printed and how it ends: 0 done, 1 refused, 2 wrong command line. */
export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const EXPORT_USAGE = `Writes the texts and pages to translate as one XLIFF file for a CAT tool.

Usage: npm run i18n:export -- [--format xliff12|xliff20] [--changed|--all] [--out DIR] [--tmx]

  --format   XLIFF version: xliff12 (the default, read by every CAT tool) or xliff20
  --changed  only segments that are not yet translated or whose German changed (the default)
  --all      every segment, with its current translation
  --out DIR  the folder to write into (default: ${defaultExportFolder})
  --tmx      also write the translation memory (TMX 1.4b) for the CAT tool
`;

const IMPORT_USAGE = `Takes translated XLIFF files back into the English pages and texts.

Usage: npm run i18n:import -- FILE.xlf...

Nothing is written unless every file and segment is in order; each problem is named with its
file, line and segment.
`;

function usage(text: string, problem: string): CommandResult {
  return { exitCode: 2, stdout: "", stderr: `${problem}\n\n${text}` };
}

/** `npm run i18n:export`, run in `projectRoot`. */
export async function runExportCli(
  argv: readonly string[],
  projectRoot: string,
): Promise<CommandResult> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((argument) => argument !== "--"),
      options: {
        format: { type: "string", default: "xliff12" },
        changed: { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        out: { type: "string", default: defaultExportFolder },
        tmx: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    return usage(EXPORT_USAGE, (error as Error).message);
  }
  if (values.help) return { exitCode: 0, stdout: EXPORT_USAGE, stderr: "" };
  if (values.format !== "xliff12" && values.format !== "xliff20") {
    return usage(EXPORT_USAGE, `unknown format "${values.format}": use xliff12 or xliff20`);
  }
  if (values.changed && values.all) {
    return usage(EXPORT_USAGE, "give --changed or --all, not both");
  }
  const outcome = await exportTranslations(projectRoot, {
    format: values.format,
    all: values.all,
    out: values.out,
    tmx: values.tmx,
  });
  const segments = `${outcome.segments} segment${outcome.segments === 1 ? "" : "s"}`;
  const lines = [
    outcome.segments === 0
      ? "Nothing to translate: every text and page is translated from the German as it is now (--all exports everything)."
      : `${segments} to translate.`,
    ...(outcome.files.length === 0 ? [] : [`Written: ${outcome.files.join(", ")}`]),
  ];
  return { exitCode: 0, stdout: lines.map((line) => `${line}\n`).join(""), stderr: "" };
}

/** `npm run i18n:import`, run in `projectRoot`. */
export async function runImportCli(
  argv: readonly string[],
  projectRoot: string,
): Promise<CommandResult> {
  const files = argv.filter((argument) => argument !== "--");
  if (files.includes("--help") || files.includes("-h")) {
    return { exitCode: 0, stdout: IMPORT_USAGE, stderr: "" };
  }
  const option = files.find((file) => file.startsWith("-"));
  if (option !== undefined) return usage(IMPORT_USAGE, `unknown option ${option}`);
  if (files.length === 0) return usage(IMPORT_USAGE, "name the XLIFF file(s) to import");
  const outcome = await importTranslations(projectRoot, files);
  if (outcome.problems.length > 0) {
    return {
      exitCode: 1,
      stdout: "",
      stderr: `${outcome.problems.map((problem) => `${formatProblem(problem)}\n`).join("")}Nothing was imported: fix the problems above in the CAT tool, export the XLIFF file again and import it again.\n`,
    };
  }
  const errors = outcome.findings.filter((finding) => finding.severity === "error");
  return {
    exitCode: 0,
    stdout: [
      `${outcome.segments} translated segment${outcome.segments === 1 ? "" : "s"} taken over.`,
      outcome.written.length === 0
        ? "No file needed to change."
        : `Written: ${outcome.written.join(", ")}`,
      errors.length === 0
        ? "The translation check finds no errors."
        : `The translation check finds ${errors.length} error${errors.length === 1 ? "" : "s"}: run npm run check:i18n to see them.`,
      "",
    ].join("\n"),
    stderr: "",
  };
}

/** Runs a command from a script: prints its output and sets the exit status. */
export async function runCommand(
  command: (argv: readonly string[], projectRoot: string) => Promise<CommandResult>,
): Promise<void> {
  const result = await command(process.argv.slice(2), process.cwd());
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
