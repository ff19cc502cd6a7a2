import { spawnSync, type SpawnSyncOptions } from "node:child_process";

/**
 * Folders outside an ordinary user's PATH where Debian installs commands (nginx goes to
 * `/usr/sbin`); `.ci/run` looks there too.
 */
const systemFolders = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

/**
 * The command a test runs for a tool from a Debian package: the name itself when it is on PATH,
 * else its path in a system folder. A tool that is nowhere fails the test with one message
 * naming the package to install, not with an error about an empty result.
 */
export function findTool(command: string, debianPackage: string): string {
  for (const candidate of [command, ...systemFolders.map((folder) => `${folder}/${command}`)]) {
    const probe = spawnSync(candidate, ["--version"], { stdio: "ignore" });
    const missing =
      probe.error !== undefined && "code" in probe.error && probe.error.code === "ENOENT";
    if (!missing) return candidate;
  }
  throw new Error(
    `${command} is not installed: install the Debian package ${debianPackage} (bash .ci/run does)`,
  );
}

/** Runs a tool from a Debian package (see `findTool`), with its output as text. */
export function runTool(
  command: string,
  debianPackage: string,
  args: readonly string[],
  options: SpawnSyncOptions = {},
) {
  return spawnSync(findTool(command, debianPackage), args, { ...options, encoding: "utf8" });
}
