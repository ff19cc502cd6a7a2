import { spawnSync } from "node:child_process";
import { cp, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeTempDir } from "./temp.ts";

/** The project under test. */
export const projectRoot = path.resolve(import.meta.dirname, "../..");

const copiedEntries = [
  ".eleventy.ts",
  "package.json",
  "tsconfig.json",
  "src",
  "data",
  "locales",
  "scripts",
];

/**
 * Copies the project's sources into a fresh temporary folder (sharing `node_modules` by a
 * link), so a test can break one file and build without touching the real project.
 */
export async function copyProject(): Promise<string> {
  const root = await makeTempDir("gw-project-");
  await Promise.all(
    copiedEntries.map((entry) =>
      cp(path.join(projectRoot, entry), path.join(root, entry), { recursive: true }),
    ),
  );
  await symlink(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"), "dir");
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
