import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element } from "domhandler";
import { glob } from "tinyglobby";
import { expect } from "vitest";
import { parseHtml, text } from "../support/html.ts";
import { copyProject, editFile, runScript, type CommandResult } from "../support/project.ts";

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

/** Copies the project, applies `edit` to the copy and runs its build script there. */
export async function buildCopy(
  edit: (root: string) => Promise<void>,
): Promise<CommandResult & { root: string }> {
  const root = await copyProject();
  await edit(root);
  return { ...runScript(root, "scripts/build.ts"), root };
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

/** Every file below `folder` (relative, sorted) with the SHA-256 of its bytes. */
export async function hashFiles(folder: string): Promise<Map<string, string>> {
  const files = (await glob("**/*", { cwd: folder, dot: true })).sort();
  const hashes = await Promise.all(
    files.map(async (file) =>
      createHash("sha256")
        .update(await readFile(path.join(folder, file)))
        .digest("hex"),
    ),
  );
  return new Map(files.map((file, index) => [file, hashes[index] ?? ""]));
}
