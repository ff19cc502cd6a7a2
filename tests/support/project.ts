import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { copyProjectInto } from "../../scripts/bench/project-copy.ts";
import { makeTempDir } from "./temp.ts";

/** The project under test. */
export const projectRoot = path.resolve(import.meta.dirname, "../..");

/**
 * Copies the project's sources into a fresh temporary folder (removed after the test file),
 * so a test can break one file and build without touching the real project.
 */
export async function copyProject(): Promise<string> {
  const root = await makeTempDir("gw-project-");
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

/** Runs one of the project's TypeScript scripts with tsx in the given project folder. */
export function runScript(root: string, script: string, args: string[] = []): CommandResult {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), script, ...args],
    { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
  };
}
