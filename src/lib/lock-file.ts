import { randomUUID } from "node:crypto";
import { link, lstat, open, readFile, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** A lock could not be taken: another process holds it, or the lock path is not a lock. */
export class LockError extends Error {
  override name = "LockError";
}

/** A lock this process holds. */
export interface HeldLock {
  /** Gives the lock up (removes the lock file if it is still this process's). */
  release(): Promise<void>;
}

/** What a lock file says: the holder's process id and the lock's own random id. */
interface LockOwner {
  pid: number;
  id: string;
}

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Reads a lock file: its owner, or undefined if it has gone meanwhile. Anything at the lock path
 * that this module did not write (a folder, a link, other text) stops with a message.
 */
async function readOwner(lock: string, what: string): Promise<LockOwner | undefined> {
  let text: string;
  try {
    const stats = await lstat(lock);
    if (!stats.isFile()) {
      throw new LockError(
        `${lock} is ${stats.isDirectory() ? "a folder" : "not a file"}, where the lock file for ${what} belongs: remove it (nothing uses it), then try again`,
      );
    }
    text = await readFile(lock, "utf8");
  } catch (error) {
    if (code(error) === "ENOENT") return undefined;
    throw error;
  }
  const match = /^(\d+)\n([\w-]+)\n$/.exec(text);
  if (match === null) {
    throw new LockError(
      `${lock} is not a lock file for ${what}: if nothing is ${what}, remove it and try again`,
    );
  }
  return { pid: Number(match[1]), id: match[2] ?? "" };
}

const abandonedTakeoverMs = 10_000;

/** How long a contender waits for another one that is taking over a stale lock. */
const contendedLockWaitMs = 5_000;

/**
 * Removes the stale lock whose id is `id`, if it is still there. Contenders who found the same
 * stale lock race to create `<lock>.<id>.takeover` exclusively; only the winner removes the lock,
 * and only after reading that it still holds that id. Nobody else removes a lock of a process
 * that no longer runs, and ids are never reused, so the winner cannot remove a lock another
 * contender has taken meanwhile (it would carry a new id). Returns whether this process removed it.
 */
async function removeStaleLock(lock: string, id: string, what: string): Promise<boolean> {
  const token = `${lock}.${id}.takeover`;
  try {
    await (await open(token, "wx")).close();
  } catch (error) {
    if (code(error) !== "EEXIST") throw error;
    // A takeover takes milliseconds: a token this old was left by a process killed during one.
    const age = Date.now() - (await stat(token).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > abandonedTakeoverMs) {
      throw new LockError(
        `${path.basename(lock)} and ${path.basename(token)} were left by processes that no longer run: remove both, then try again`,
      );
    }
    return false;
  }
  try {
    if ((await readOwner(lock, what))?.id !== id) return false;
    await unlink(lock);
    return true;
  } finally {
    await unlink(token).catch(() => undefined);
  }
}

/**
 * Takes the lock file `lock` for `what` (e.g. "publishing into _site/"), atomically: the file is
 * written whole under a name of its own and then hard-linked to `lock`, which fails if `lock`
 * exists, so no contender ever reads a half-written lock and exactly one of them gets it. It
 * holds this process's id and a random id. A lock whose process no longer runs (one that was
 * killed) is taken over, by one contender only (see `removeStaleLock`); a live one refuses
 * with `LockError`, naming its process.
 */
export async function acquireLock(lock: string, what: string): Promise<HeldLock> {
  const id = randomUUID();
  const draft = `${lock}.${id}.new`;
  await writeFile(draft, `${process.pid}\n${id}\n`, { flag: "wx" });
  try {
    // Each lost round means another contender took or cleared the lock meanwhile, or is taking
    // over a stale one: that takes milliseconds, but on a busy machine the contender may wait
    // that long for a core, so this waits for it up to a deadline rather than a count of rounds.
    const deadline = Date.now() + contendedLockWaitMs;
    for (let round = 1; ; round++) {
      try {
        await link(draft, lock);
        return {
          release: async () => {
            if ((await readOwner(lock, what).catch(() => undefined))?.id === id) {
              await unlink(lock);
            }
          },
        };
      } catch (error) {
        if (code(error) !== "EEXIST") throw error;
      }
      const owner = await readOwner(lock, what);
      if (owner === undefined) continue;
      if (isRunning(owner.pid)) {
        throw new LockError(
          `another process (${owner.pid}) is ${what} right now: wait until it has finished, then try again (if none is, remove ${lock})`,
        );
      }
      if (await removeStaleLock(lock, owner.id, what)) continue;
      if (Date.now() > deadline) {
        throw new LockError(
          `could not take the lock ${lock} for ${what}: other processes kept taking it; try again`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * round, 200)));
    }
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}
