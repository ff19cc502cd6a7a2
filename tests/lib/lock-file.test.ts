import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, LockError } from "../../src/lib/lock-file.ts";
import { projectRoot } from "../support/project.ts";
import { makeTempDir } from "../support/temp.ts";

/** A process id Linux never gives out (they stay below 2^22): a lock of a process that is gone. */
const deadPid = 2 ** 22 + 1;
const staleLock = () => `${deadPid}\n${randomUUID()}\n`;

type Answer = { acquired: true } | { refused: string } | "released" | "ready";

/** Processes that contend for a lock on command (tests/support/lock-worker.ts). */
function startContenders(count: number): {
  workers: ChildProcess[];
  next: (worker: ChildProcess) => Promise<Answer>;
} {
  const loader = pathToFileURL(path.join(projectRoot, "node_modules/tsx/dist/loader.mjs")).href;
  const answers = new Map<ChildProcess, Answer[]>();
  const waiting = new Map<ChildProcess, (answer: Answer) => void>();
  const workers = Array.from({ length: count }, () => {
    const worker = fork(path.join(projectRoot, "tests/support/lock-worker.ts"), {
      execArgv: ["--import", loader],
      stdio: "inherit",
    });
    answers.set(worker, []);
    worker.on("message", (answer: Answer) => {
      const resolve = waiting.get(worker);
      waiting.delete(worker);
      if (resolve === undefined) answers.get(worker)?.push(answer);
      else resolve(answer);
    });
    return worker;
  });
  const next = (worker: ChildProcess) =>
    new Promise<Answer>((resolve) => {
      const queued = answers.get(worker)?.shift();
      if (queued === undefined) waiting.set(worker, resolve);
      else resolve(queued);
    });
  return { workers, next };
}

describe("the lock file", () => {
  let folder: string;

  beforeAll(async () => {
    folder = await makeTempDir("gw-lock-");
  });

  it("is exclusive: of processes starting at one instant, exactly one takes it, also over a stale lock (20 rounds)", async () => {
    const { workers, next } = startContenders(4);
    afterAll(() => {
      for (const worker of workers) worker.kill();
    });
    expect(await Promise.all(workers.map(next))).toEqual(workers.map(() => "ready"));
    const lock = path.join(folder, "site.lock");
    for (let round = 0; round < 20; round++) {
      // Every other round starts with the lock of a build that was killed.
      if (round % 2 === 1) await writeFile(lock, staleLock());
      const at = Date.now() + 50;
      for (const worker of workers) worker.send({ lock, at });
      const answers = await Promise.all(workers.map(next));
      const holders = workers.filter((_, index) => {
        const answer = answers[index];
        return typeof answer === "object" && "acquired" in answer;
      });
      expect(holders, `round ${round}: ${JSON.stringify(answers)}`).toHaveLength(1);
      for (const answer of answers) {
        if (typeof answer === "object" && "refused" in answer) {
          expect(answer.refused).toMatch(/another process \(\d+\) is the test right now/);
        }
      }
      const holder = holders[0];
      if (holder === undefined) continue;
      expect((await readFile(lock, "utf8")).split("\n")[0]).toBe(String(holder.pid));
      holder.send("release");
      expect(await next(holder)).toBe("released");
      // Nothing is left beside the lock: no draft, no takeover token, no lock.
      expect(await readdir(folder)).toEqual([]);
    }
  });

  it("is given up on release, so the next process takes it", async () => {
    const lock = path.join(folder, "again.lock");
    const first = await acquireLock(lock, "the test");
    await first.release();
    const second = await acquireLock(lock, "the test");
    await second.release();
    expect(await readdir(folder)).toEqual([]);
  });

  it("refuses a folder, or a file it did not write, at the lock path, with a message saying what to do", async () => {
    const asFolder = path.join(folder, "folder.lock");
    await mkdir(asFolder);
    await expect(acquireLock(asFolder, "the test")).rejects.toThrow(
      new LockError(
        `${asFolder} is a folder, where the lock file for the test belongs: remove it (nothing uses it), then try again`,
      ),
    );
    const other = path.join(folder, "other.lock");
    await writeFile(other, "not a lock\n");
    await expect(acquireLock(other, "the test")).rejects.toThrow(/is not a lock file for the test/);
  });
});
