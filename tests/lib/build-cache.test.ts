import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCacheDir, cached } from "../../src/lib/build-cache.ts";
import { makeTempDirSync } from "../support/temp.ts";

/** One more copy of the project at `root`, linking its `node_modules`, as tests' copies do. */
function makeTempLinked(root: string): string {
  const copy = makeTempDirSync("gw-cache-copy-");
  symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"), "dir");
  return copy;
}

/** A project folder with its own `node_modules`, and a copy that links it. */
function projectAndCopy(): { root: string; copy: string } {
  const root = makeTempDirSync("gw-cache-project-");
  mkdirSync(path.join(root, "node_modules"));
  return { root, copy: makeTempLinked(root) };
}

/** A `make` that counts its calls and gives `text` after a pause, as a slow compile would. */
function counted(text: string) {
  const calls = { count: 0 };
  const make = async () => {
    calls.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return new TextEncoder().encode(text);
  };
  return { calls, make };
}

const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the build cache", () => {
  it("makes an entry once and gives it whole to a copy of the project sharing node_modules", async () => {
    const { root, copy } = projectAndCopy();
    const { calls, make } = counted("a:1");
    expect(decoded(await cached(root, "fonts", "one.woff2", make))).toBe("a:1");
    expect(decoded(await cached(copy, "fonts", "one.woff2", make))).toBe("a:1");
    expect(calls.count).toBe(1);
  });

  it("makes an entry again when its stored bytes were cut short or changed, and mends it", async () => {
    const { root, copy } = projectAndCopy();
    const file = path.join(buildCacheDir(root), "stylesheet", "two.json");
    mkdirSync(path.dirname(file), { recursive: true });
    const { make: first } = counted('{"css":"body{}"}');
    await cached(makeTempLinked(root), "stylesheet", "two.json", first);
    // The entry's first half, as a machine that stopped mid-write would leave it.
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.byteLength / 2));
    const { calls, make } = counted('{"css":"body{}"}');
    expect(decoded(await cached(copy, "stylesheet", "two.json", make))).toBe('{"css":"body{}"}');
    expect(calls.count).toBe(1);
    // Mended: another copy reads it without making it.
    const { calls: later, make: again } = counted("never used");
    expect(decoded(await cached(makeTempLinked(root), "stylesheet", "two.json", again))).toBe(
      '{"css":"body{}"}',
    );
    expect(later.count).toBe(0);
  });

  it("leaves an entry whole when two builds of one process make it at the same time", async () => {
    const { root, copy } = projectAndCopy();
    const { make } = counted("x".repeat(100_000));
    const other = makeTempLinked(root);
    await Promise.all([
      cached(copy, "fonts", "three.woff2", make),
      cached(other, "fonts", "three.woff2", make),
    ]);
    const { calls, make: again } = counted("never used");
    const read = await cached(makeTempLinked(root), "fonts", "three.woff2", again);
    expect(decoded(read)).toBe("x".repeat(100_000));
    expect(calls.count).toBe(0);
  });
});
