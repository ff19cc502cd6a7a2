/**
 * A process that contends for a lock when its parent says so (`fork`ed by the lock test):
 * `{ lock, at }` makes it wait until the clock reads `at`, take the lock and answer
 * `{ acquired: true }` or `{ refused: message }`; `"release"` gives a held lock up and answers
 * `"released"`. Starting at one instant in several processes gives the lock its real races.
 */
import { acquireLock, type HeldLock } from "../../src/lib/lock-file.ts";

let held: HeldLock | undefined;

process.on("message", (message: { lock: string; at: number } | "release") => {
  void (async () => {
    if (message === "release") {
      await held?.release();
      held = undefined;
      process.send?.("released");
      return;
    }
    // Busy-waits, so that every process starts within the same millisecond.
    while (Date.now() < message.at);
    try {
      held = await acquireLock(message.lock, "the test");
      process.send?.({ acquired: true });
    } catch (error) {
      process.send?.({ refused: (error as Error).message });
    }
  })();
});
process.send?.("ready");
