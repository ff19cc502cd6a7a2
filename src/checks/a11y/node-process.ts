import { spawn } from "node:child_process";

/** Exit status and output of a finished Node script. */
export interface NodeRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

// Starts the script (process.argv[1]) so that it is sent SIGTERM when its stdin closes, that
// is, when this process ends in any way, even killed outright; stdin alone does not keep it
// running. With `--eval`, the script's path is argv[1] and its arguments follow, as if it had
// been started directly.
const LIFELINE = `process.stdin.on("end", () => process.kill(process.pid, "SIGTERM")).resume().unref();
import(require("node:url").pathToFileURL(process.argv[1]).href);`;

/**
 * Runs a Node script (a package's command-line entry point) in its own process, so its work
 * and its signal handling stay out of this process. Aborting the signal sends SIGTERM, which
 * lets the script shut down its own browser; SIGKILL follows if it has not exited after 5 s.
 * The script is also sent SIGTERM if this process dies.
 */
export async function runNodeScript(
  script: string,
  args: readonly string[],
  options: { cwd: string; signal?: AbortSignal },
): Promise<NodeRun> {
  const child = spawn(process.execPath, ["--eval", LIFELINE, script, ...args], {
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));

  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    child.kill("SIGTERM");
    killTimer = setTimeout(() => child.kill("SIGKILL"), 5000);
    killTimer.unref();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    const exitCode = await new Promise<number | null>((resolveExit, reject) => {
      child.once("error", reject);
      child.once("close", (code) => {
        resolveExit(code);
      });
    });
    return {
      exitCode,
      stdout: Buffer.concat(stdout).toString("utf8"),
      stderr: Buffer.concat(stderr).toString("utf8"),
    };
  } finally {
    clearTimeout(killTimer);
    options.signal?.removeEventListener("abort", stop);
  }
}

/** The last lines of a script's output, for error messages. */
export function outputTail(run: NodeRun, lines = 15): string {
  return `${run.stdout}\n${run.stderr}`.trim().split("\n").slice(-lines).join("\n");
}
