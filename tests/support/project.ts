import { spawn, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { copyProjectInto } from "../../scripts/lib/project-copy.ts";
import { makeTempDir } from "./temp.ts";

/** How the folders of project copies begin (vitest.config.ts leaves their modules to Node). */
export const projectCopyPrefix = "gw-project-";

/** The project under test. */
export const projectRoot = path.resolve(import.meta.dirname, "../..");

/**
 * Copies the project's sources into a fresh temporary folder (removed after the test file),
 * so a test can break one file and build without touching the real project.
 */
export async function copyProject(): Promise<string> {
  const root = await makeTempDir(projectCopyPrefix);
  await copyProjectInto(projectRoot, root);
  return root;
}

/** Rewrites one file of a project copy. */
export async function editFile(
  root: string,
  file: string,
  edit: (text: string) => string,
): Promise<void> {
  const absolute = path.join(root, file);
  await writeFile(absolute, edit(await readFile(absolute, "utf8")));
}

/** What a command printed and how it ended. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Where a command run in this process writes (the shape of the gates' and scripts' `io`). */
export interface CapturedOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Runs a command's code in this process, as its script would run it, keeping what it prints:
 * `run` gets the writers and returns the exit code.
 */
export async function runCaptured(
  run: (output: CapturedOutput) => Promise<number>,
): Promise<CommandResult> {
  let stdout = "";
  let stderr = "";
  const status = await run({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr, output: `${stdout}${stderr}` };
}

// tsx's loader in Node itself: the tsx command would start a second Node process to do the same.
const tsxLoader = pathToFileURL(path.join(projectRoot, "node_modules/tsx/dist/loader.mjs")).href;

const scriptCommand = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) => ({
  command: process.execPath,
  args: ["--import", tsxLoader, script, ...args],
  env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env },
});

/**
 * Runs one of the project's TypeScript scripts with tsx in the given project folder, with the
 * test process's environment and `env`.
 */
export function runScript(
  root: string,
  script: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): CommandResult {
  const { command, args: commandArgs, env: fullEnv } = scriptCommand(script, args, env);
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: "utf8", env: fullEnv });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
  };
}

/**
 * `runScript` without waiting: several scripts can run at once. `closed` names an output whose
 * reader has gone before the script prints (as `… | head -1` once `head` has its line).
 */
export function runScriptAsync(
  root: string,
  script: string,
  args: string[] = [],
  closed?: "stdout" | "stderr",
): Promise<CommandResult> {
  const { command, args: commandArgs, env } = scriptCommand(script, args);
  const child = spawn(command, commandArgs, { cwd: root, env });
  if (closed !== undefined) child[closed].destroy();
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => {
      resolve({ status, stdout, stderr, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * Runs `npm run build`'s code in this process on a project copy: what it prints and its exit
 * code, as `runScript(root, "scripts/build.ts")` gives them, without starting Node, tsx and
 * Eleventy again (about 1.5 processor-seconds per build here; the build itself takes 0.3 s).
 */
export async function buildInProcess(
  root: string,
  options: { production?: boolean } = {},
): Promise<CommandResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  // The copy's own build module: its errors are the classes the copy's plugins throw (vitest
  // leaves project copies to Node, see vitest.config.ts).
  const { runBuild } = (await import(
    pathToFileURL(path.join(root, "src/build.ts")).href
  )) as typeof import("../../src/build.ts");
  const status = await runBuild(
    root,
    { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) },
    options,
  );
  // Eleventy names pages relative to the working folder, which is the project folder when
  // `npm run build` runs and this project here; seen from the copy they are the same names.
  const fromCopy = (lines: string[]) =>
    lines
      .map((line) => `${line}\n`)
      .join("")
      .replaceAll(`${path.relative(process.cwd(), root)}/`, "");
  const result = { status, stdout: fromCopy(stdout), stderr: fromCopy(stderr) };
  return { ...result, output: `${result.stdout}${result.stderr}` };
}
