import { spawn, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** A rebuild ends with this line, whether it failed or not. */
const rebuilt = /Watching…/;
/** Eleventy prints this when it notices a saved file, before the rebuild it starts. */
const noticed = /File (?:changed|added): /;
/** A build that failed says so on a line with this, and why on the lines after it. */
const failedBuild = /Problem writing|broken link/;

/**
 * Why a build the server printed failed, on one line: its first problem line and the two after
 * it, or "" when no build failed. Test runners and CI logs show a message's first line.
 */
export function buildProblem(text: string): string {
  const lines = text.split("\n");
  const first = lines.findIndex((line) => failedBuild.test(line));
  if (first === -1) return "";
  return lines
    .slice(first, first + 3)
    .map((line) => line.replace(/^\[11ty\]\s*/, "").trim())
    .filter((line) => line !== "")
    .join(" | ");
}

/** How long a write may go unnoticed before it is written again (see `rebuildAfterWriting`). */
const noticeMs = 2000;
/** How long the server must stay silent after a rebuild before its output counts as complete. */
const quietMs = 500;

/**
 * Whether `text` shows every rebuild it announces as finished: it noticed a file, and a
 * "Watching…" follows the last file it noticed.
 */
export function rebuildsFinished(text: string): boolean {
  const last = [...text.matchAll(new RegExp(noticed, "g"))].at(-1);
  return last !== undefined && rebuilt.test(text.slice(last.index));
}

/** `npm start` running in a project folder, until `stop()`. */
export interface DevServer {
  /** The folder it builds into, from the start script's `--output`. */
  outputDir: string;
  /** Everything it printed so far. */
  output(): string;
  /**
   * Writes `text` into `file` (relative to the project) and waits until the rebuild it starts
   * has finished; returns what the server printed meanwhile.
   */
  rebuildAfterWriting(file: string, text: string, timeoutMs: number): Promise<string>;
  /** Ends the server and everything it started. */
  stop(): Promise<void>;
}

/** A port on 127.0.0.1 that no server listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === "object" && address !== null) resolve(address.port);
        else reject(new Error("no free port"));
      });
    });
  });
}

/** The arguments `npm start` gives Eleventy, read from the project's package.json. */
async function startArguments(root: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = (manifest.scripts.start ?? "").split(/\s+/);
  if (command !== "tsx") throw new Error(`package.json: "start" does not run tsx: ${command}`);
  return args;
}

/**
 * Starts `npm start` in `root` (a project copy) on a free port and waits for its first build,
 * at most `firstBuildMs`. tsx's loader runs in Node itself rather than through the tsx command,
 * so that `stop()` ends the one process it started.
 */
export async function startDevServer(root: string, firstBuildMs: number): Promise<DevServer> {
  const port = await freePort();
  const args = (await startArguments(root)).map((arg) =>
    arg.startsWith("--port=") ? `--port=${port}` : arg,
  );
  const output = /^--output=(.+)$/.exec(args.find((arg) => arg.startsWith("--output=")) ?? "");
  if (output?.[1] === undefined) throw new Error('package.json: "start" names no --output');
  const loader = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
  const child: ChildProcess = spawn(process.execPath, ["--import", loader, ...args], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  let printedAt = performance.now();
  let ended = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    listeners.forEach((listener) => {
      listener();
    });
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      printed += chunk;
      printedAt = performance.now();
      notify();
    });
  }
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      ended = true;
      notify();
      resolve();
    }),
  );
  /**
   * Waits until what it printed after `from` characters passes `test` (a pattern or a
   * predicate); rejects after `timeoutMs` or when the server ends, with what it printed.
   */
  const waitFor = (test: RegExp | ((text: string) => boolean), timeoutMs: number, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const passes = (text: string) => (test instanceof RegExp ? test.test(text) : test(text));
      const done = (error?: Error) => {
        listeners.delete(check);
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const check = () => {
        if (passes(printed.slice(from))) done();
        else if (ended) {
          // Eleventy ends when its first build fails: why comes first, the whole output after.
          const problem = buildProblem(printed);
          done(
            new Error(
              `the dev server ended before ${String(test)}${problem === "" ? "" : `: ${problem}`}\n${printed}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done(new Error(`no ${String(test)} within ${timeoutMs} ms:\n${printed}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  const server: DevServer = {
    outputDir: path.join(root, output[1]),
    output: () => printed,
    async rebuildAfterWriting(file, text, timeoutMs) {
      const from = printed.length;
      const deadline = Date.now() + timeoutMs;
      // Eleventy says "Watching…" before its file watcher is ready, and a write in between goes
      // unnoticed: the same text is written again until the server notices it.
      for (;;) {
        await writeFile(path.join(root, file), text);
        try {
          await waitFor(noticed, Math.min(noticeMs, deadline - Date.now()), from);
          break;
        } catch (error) {
          if (ended || Date.now() >= deadline) throw error;
        }
      }
      // A write noticed late, after it was written again, is noticed twice and rebuilt twice: the
      // rebuilds are over when the last file noticed was rebuilt and the server has been quiet
      // for a while. Otherwise the second rebuild's lines would count for the next save.
      for (;;) {
        await waitFor(rebuildsFinished, Math.max(deadline - Date.now(), 0), from);
        const silentFor = performance.now() - printedAt;
        if (silentFor >= quietMs) break;
        await new Promise((resolve) => setTimeout(resolve, quietMs - silentFor));
      }
      return printed.slice(from);
    },
    async stop() {
      if (ended) return;
      child.kill("SIGTERM");
      // Eleventy closes its watcher and server on SIGTERM; one that hangs is killed.
      const hung = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(hung);
    },
  };
  try {
    await waitFor(rebuilt, firstBuildMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
