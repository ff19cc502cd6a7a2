import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { z } from "zod";
import { outputTail, runNodeScript } from "./node-process.ts";
import type { Problem } from "./types.ts";

const require = createRequire(import.meta.url);

/** An html-validate error in a built file. */
export interface MarkupMessage {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  selector: string;
}

const jsonReportSchema = z.array(
  z.object({
    filePath: z.string(),
    messages: z.array(
      z.object({
        ruleId: z.string(),
        severity: z.number(),
        message: z.string(),
        line: z.number(),
        column: z.number(),
        selector: z.string().nullish(),
      }),
    ),
  }),
);

/**
 * Validates built HTML files with html-validate and the project's .htmlvalidate.cjs, and
 * returns their errors (warnings are not failures). The configuration file is named
 * explicitly, so sites built outside the project are held to the same rules. html-validate
 * runs in its own process: it is CPU-bound and would otherwise hold up the browser checks.
 */
export async function validateFiles(
  files: readonly string[],
  options: { projectRoot: string; signal?: AbortSignal },
): Promise<MarkupMessage[]> {
  if (files.length === 0) return [];
  const bin = join(
    dirname(require.resolve("html-validate/package.json")),
    "bin",
    "html-validate.mjs",
  );
  const config = join(options.projectRoot, ".htmlvalidate.cjs");
  const run = await runNodeScript(bin, ["--config", config, "--formatter", "json", ...files], {
    cwd: options.projectRoot,
    signal: options.signal,
  });
  // Status 1 only says that errors were found; anything else means html-validate itself failed.
  const report =
    run.exitCode === 0 || run.exitCode === 1
      ? jsonReportSchema.safeParse(parseJson(run.stdout))
      : null;
  if (!report?.success) {
    throw new Error(
      `html-validate failed (exit status ${run.exitCode ?? "none"}):\n${outputTail(run)}`,
    );
  }
  return report.data.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => ({
        file: result.filePath,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
        selector: message.selector ?? "",
      })),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.trim() === "" ? "[]" : text);
  } catch {
    return null;
  }
}

/** "path:line:col", with the path relative to the working directory when it lies below it. */
export function markupLocation(message: MarkupMessage): string {
  const shown = relative(process.cwd(), message.file);
  return `${shown.startsWith("..") ? message.file : shown}:${message.line}:${message.column}`;
}

/** Turns a markup error into a problem of the page the file serves. */
export function markupProblem(message: MarkupMessage, url: string): Problem {
  return {
    url,
    runner: "html-validate",
    rule: message.rule,
    selector: markupLocation(message),
    message: message.message,
    context: message.selector,
    severity: "error",
  };
}
