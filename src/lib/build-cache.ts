import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import { projectFolders, projectPath } from "./project.ts";

/**
 * Where the build keeps what it derives from its inputs alone (the compiled stylesheet, the
 * subset fonts): beside the installed packages, where build tools keep such caches, so every
 * copy of the project that links the same `node_modules` (the tests' and the benchmark's)
 * finds them. Entries are named by a hash of everything they were made from, so a stale entry
 * is never read: a changed input makes a new name.
 */
export function buildCacheDir(projectRoot: string): string {
  return projectPath(projectFolders.buildCache, projectRoot);
}

/** A hash of the given parts, in order: the name of a cache entry made from them. */
export function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(typeof part === "string" ? `${part.length}:` : `${part.byteLength}#`);
    hash.update(part);
  }
  return hash.digest("hex").slice(0, 32);
}

// Entries read or made in this process: a test process builds many copies of the project.
const inMemory = new Map<string, Uint8Array>();
// Numbers each write of this process, so two builds of one process never share a partial file.
let writes = 0;

/** How many bytes of an entry's SHA-256 follow its content in the file. */
const digestLength = 32;

const digestOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest();

/** An entry's content followed by its digest, as the cache stores it. */
function sealed(bytes: Uint8Array): Uint8Array {
  return Buffer.concat([bytes, digestOf(bytes)]);
}

/** The content of a stored entry, or null when it is cut short or not what was written. */
function unsealed(stored: Uint8Array): Uint8Array | null {
  if (stored.byteLength < digestLength) return null;
  const bytes = stored.subarray(0, stored.byteLength - digestLength);
  const digest = stored.subarray(stored.byteLength - digestLength);
  return Buffer.compare(digestOf(bytes), digest) === 0 ? bytes : null;
}

/**
 * The bytes cached under `kind/key`, or `make`'s result, which is stored whole or not at all,
 * so builds running side by side never read half an entry. Each entry carries the digest of its
 * content: one cut short (a machine that stopped mid-write) or overwritten is made again and
 * mended, never read as it is. A cache that cannot be written (a read-only `node_modules`)
 * only costs time.
 */
export async function cached(
  projectRoot: string,
  kind: string,
  key: string,
  make: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const file = path.join(buildCacheDir(projectRoot), kind, key);
  const remembered = inMemory.get(file);
  if (remembered !== undefined) return remembered;
  let bytes = await readFile(file).then(unsealed, () => null);
  if (bytes === null) {
    bytes = await make();
    try {
      await mkdir(path.dirname(file), { recursive: true });
      // A partial file of its own for each write: a second write into the same partial file
      // would truncate the entry the first one had just renamed into place, under a reader.
      writes += 1;
      const partial = `${file}.${process.pid}-${writes}.partial`;
      await writeFile(partial, sealed(bytes));
      await rename(partial, file);
    } catch {
      // Not kept: the next build makes it again.
    }
  }
  inMemory.set(file, bytes);
  return bytes;
}
