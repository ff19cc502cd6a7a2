import { createHash } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Element } from "domhandler";
import { expect } from "vitest";
import { copyInto } from "../../scripts/lib/project-copy.ts";
import { parseHtml, text } from "../support/html.ts";
import { makeTempDir } from "../support/temp.ts";
import {
  buildInProcess,
  copyProject,
  editFile,
  projectCopyPrefix,
  type CommandResult,
} from "../support/project.ts";

/** Every element of an HTML document, in document order, with entities decoded. */
export function elementsOf(html: string): Element[] {
  return parseHtml(html).all(() => true);
}

/**
 * Whether a script element is a JSON-LD data block, which browsers never execute:
 * `type="application/ld+json"` as its only attribute and nothing but valid JSON inside.
 */
export function isJsonLdBlock(element: Element): boolean {
  const names = Object.keys(element.attribs);
  if (names.join(" ") !== "type" || element.attribs.type !== "application/ld+json") return false;
  try {
    JSON.parse(text(element));
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the one place `search` matches (a pattern without capturing groups); fails when
 * the text has it not exactly once, so a test never edits a file it no longer recognises.
 */
export function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const matches = text.split(search).length - 1;
  if (matches !== 1) {
    throw new Error(
      `expected ${String(search)} once in the file to edit, found it ${matches} times`,
    );
  }
  return text.replace(search, () => replacement);
}

/** Changes one string of a locale file, keeping the file valid JSON. */
export async function setLocaleString(
  root: string,
  file: string,
  keyPath: string[],
  value: string,
): Promise<void> {
  await editFile(root, file, (text) => {
    const tree = JSON.parse(text) as Record<string, unknown>;
    const parents = keyPath.slice(0, -1);
    const last = keyPath.at(-1) ?? "";
    let node = tree;
    for (const key of parents) node = node[key] as Record<string, unknown>;
    expect(node[last], `${file}: ${keyPath.join(".")}`).toBeTypeOf("string");
    node[last] = value;
    return `${JSON.stringify(tree, null, 2)}\n`;
  });
}

/**
 * Copies the project, applies `edit` to the copy and runs its build there (`npm run build`'s
 * code, in this process; `publish.test.ts` runs the script itself).
 */
export async function buildCopy(
  edit: (root: string) => Promise<void>,
): Promise<CommandResult & { root: string }> {
  const root = await copyProject();
  await edit(root);
  return { ...(await buildInProcess(root)), root };
}

/**
 * Asserts a build stopped the way an editor needs: exit code 1, the site left alone, and a
 * message with the given parts (file, line, key …) rather than only a stack trace.
 */
export function expectEditorFailure(result: CommandResult, ...parts: string[]): void {
  expect(result.status, result.output).toBe(1);
  expect(result.output).toContain("The site was not built");
  for (const part of parts) expect(result.output).toContain(part);
  expect(result.output).not.toMatch(/^ {4}at /m);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * Every file below `folder` (relative paths, sorted) with the SHA-256 of its bytes; a symbolic
 * link holds its target, and a project copy's `node_modules` link is left out. Hashes, not
 * bytes: vitest compares two maps of buffers byte by byte in JavaScript, which took about 2.5 s
 * per comparison of a project copy with its site. Read synchronously: `fs/promises` takes four
 * trips through libuv's thread pool per file, about ten times as long for a copy's 560 small
 * files (0.12 s against 0.012 s), and refused-build tests hash every copy twice or three times.
 */
export function hashFiles(folder: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (relativeFolder: string): void => {
    for (const entry of readdirSync(path.join(folder, relativeFolder), { withFileTypes: true })) {
      const relative = path.join(relativeFolder, entry.name);
      if (relative === "node_modules") continue;
      const absolute = path.join(folder, relative);
      if (entry.isSymbolicLink()) hashes.set(relative, `→ ${readlinkSync(absolute)}`);
      else if (entry.isDirectory()) walk(relative);
      else hashes.set(relative, sha256(readFileSync(absolute)));
    }
  };
  walk("");
  return new Map([...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Top-level folders of the project that no build reads (the tests and the documentation's
 * screenshots): a third of a copy's files, which every case would otherwise copy and hash.
 */
const notReadByBuilds = ["docs", "tests"];

/**
 * A project copy with a good build in `_site/`, for breaking one thing at a time: the project
 * without the folders no build reads (see `notReadByBuilds`), as each case copies it again.
 */
export async function copyWithPublishedSite(): Promise<string> {
  const root = await copyProject();
  await Promise.all(
    notReadByBuilds.map((folder) => rm(path.join(root, folder), { recursive: true })),
  );
  const good = await buildInProcess(root);
  expect(good.status, good.output).toBe(0);
  return root;
}

/** A fresh copy of a project copy, its published site included, for one case to change. */
export async function copyOfCopy(root: string): Promise<string> {
  const copy = await makeTempDir(projectCopyPrefix);
  await copyInto(
    (await readdir(root)).map((entry) => path.join(root, entry)),
    copy,
  );
  return copy;
}

/**
 * Applies `edit` to a fresh copy of `root` (a project copy that holds a published site), runs
 * the build there and asserts it was refused the way an editor needs (see `expectEditorFailure`)
 * and that it wrote nothing: every file of the copy, `_site/` included, is byte for byte what it
 * was before the build, with no staging folder or lock file left. Each case gets its own copy,
 * so the build runs in this process (see `buildInProcess`) and never meets a module another
 * case loaded from the same path.
 */
export async function expectRefusedBuild(
  root: string,
  edit: (root: string) => Promise<void>,
  ...parts: string[]
): Promise<CommandResult> {
  const copy = await copyOfCopy(root);
  const original = hashFiles(copy);
  expect([...original.keys()].some((file) => file.startsWith(`_site${path.sep}`))).toBe(true);
  await edit(copy);
  const edited = hashFiles(copy);
  const result = await buildInProcess(copy);
  expectEditorFailure(result, ...parts);
  expect(hashFiles(copy)).toEqual(edited);
  return result;
}
