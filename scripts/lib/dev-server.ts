import { spawn, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** A rebuild ends with this line, whether it failed or not. */
const rebuilt = /Watching…/;
/** How long a write may go unnoticed before it is written again (see `rebuildAfterWriting`). */
const noticeMs = 2000;

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
   * Waits until what it printed after `from` characters matches `pattern`; rejects after
   * `timeoutMs` or when the server ends, with what it printed.
   */
  const waitFor = (pattern: RegExp, timeoutMs: number, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        listeners.delete(check);
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const check = () => {
        if (pattern.test(printed.slice(from))) done();
        else if (ended) done(new Error(`the dev server ended before ${pattern}:\n${printed}`));
      };
      const timer = setTimeout(() => {
        done(new Error(`no ${pattern} within ${timeoutMs} ms:\n${printed}`));
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
          await waitFor(/File changed/, Math.min(noticeMs, deadline - Date.now()), from);
          break;
        } catch (error) {
          if (ended || Date.now() >= deadline) throw error;
        }
      }
      await waitFor(rebuilt, Math.max(deadline - Date.now(), 0), from);
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
