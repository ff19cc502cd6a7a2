import { readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { lineAndColumn } from "../../lib/errors.ts";
import { localeFileOfKey } from "../../lib/i18n.ts";
import { languages, sourceLanguage } from "../../lib/languages.ts";
import type { Position } from "../../lib/json-keys.ts";
import { pluralBase } from "./locale-checks.ts";
import { inBrokenFile, locationOf, type Locales, textsIn } from "../../lib/locale-texts.ts";
import { portablePath, type Finding } from "../../lib/translation-findings.ts";
import { projectFolders } from "../../lib/project.ts";

/** A place where templates or code ask for a text. */
export interface KeyUsage extends Position {
  /** The text's full name, or for a name built at render time the part known in advance. */
  key: string;
  /** Whether `key` is only the start of the name (`"keyFigures.region." + region`). */
  prefix: boolean;
  file: string;
}

const keyName = String.raw`[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*`;
const call = String.raw`\bt\(\s*(?:[\w$.]+\s*,\s*)?`;

/**
 * How templates and code name texts:
 * - templates (`.njk`, `.md`): `"common.skipLink" | t` and `"x.y" | t({ count: 2 })`;
 * - TypeScript: `t("common.skipLink")`, or with the language first, `translator.t(language, "common.skipLink")`;
 * - names built at render time cannot be known in advance. A string ending in "." that is
 *   continued with `+` (`("keyFigures.region." + region) | t`, `t("facts.unit." + unit)`,
 *   or in TypeScript `` t(`facts.qualifier.${qualifier}`) ``) counts as using every text
 *   under that prefix. Any other computed name (`label | t`) is invisible to the check.
 */
const patterns = {
  template: [
    {
      prefix: false,
      pattern: new RegExp(String.raw`(["'])(${keyName})\1\s*\|\s*t(?![\w$])`, "dg"),
    },
    { prefix: true, pattern: new RegExp(String.raw`(["'])(${keyName}\.)\1\s*\+`, "dg") },
  ],
  code: [
    { prefix: false, pattern: new RegExp(String.raw`${call}(["'\x60])(${keyName})\1`, "dg") },
    { prefix: true, pattern: new RegExp(String.raw`${call}(["'])(${keyName}\.)\1\s*\+`, "dg") },
    { prefix: true, pattern: new RegExp(String.raw`${call}(\x60)(${keyName}\.)\$\{`, "dg") },
  ],
};

/** Blanks out comments, keeping every other character where it was so positions stay true. */
function withoutComments(text: string, isTemplate: boolean): string {
  const blank = (comment: string) => comment.replace(/[^\n]/g, " ");
  return isTemplate
    ? text.replace(/\{#[\s\S]*?#\}/g, blank)
    : // Doc comments and `//` lines; a key named after code on the same line still counts.
      text.replace(/^[ \t]*(?:\/\/|\/\*|\*).*$/gm, blank);
}

/** Every place one file asks for a text, by the conventions above. */
export function findKeyUsage(file: string, text: string): KeyUsage[] {
  const isTemplate = !file.endsWith(".ts");
  const searched = withoutComments(text, isTemplate);
  return (isTemplate ? patterns.template : patterns.code).flatMap(({ prefix, pattern }) =>
    [...searched.matchAll(pattern)].map((match) => {
      const offset = match.indices?.[1]?.[0] ?? match.index;
      return { key: match[2] ?? "", prefix, file, ...lineAndColumn(text, offset) };
    }),
  );
}

/**
 * Templates, pages and the site's code; the checks in `src/checks/` are not part of the site.
 * Files in `alreadyRead` (by project path) are not read again.
 */
export async function scanKeyUsage(
  projectRoot: string,
  alreadyRead: ReadonlyMap<string, string> = new Map(),
): Promise<KeyUsage[]> {
  const files = await glob(["src/**/*.{njk,md,ts}", `${projectFolders.data}/**/*.ts`], {
    cwd: projectRoot,
    ignore: ["src/checks/**"],
  });
  // Read one by one, as the page reader does: faster than a promise per file.
  const usages = files
    .map(portablePath)
    .sort()
    .map((file) =>
      findKeyUsage(
        file,
        alreadyRead.get(file) ?? readFileSync(path.join(projectRoot, file), "utf8"),
      ),
    );
  return usages
    .flat()
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * Names used that no locale file has (errors, at the place of use), and texts of the source
 * language that nothing uses (warnings, in the locale file). Plural forms count as used
 * when their shared name is (`"items" | t({ count })` uses `items_one` and `items_other`).
 */
export function checkKeyUsage(locales: Locales, usages: readonly KeyUsage[]): Finding[] {
  const known = new Set(languages.flatMap((language) => [...textsIn(locales, language).keys()]));
  const knownBases = new Set([...known].map(pluralBase));
  const usedNames = new Set(usages.filter((usage) => !usage.prefix).map((usage) => usage.key));
  const usedPrefixes = usages.filter((usage) => usage.prefix).map((usage) => usage.key);
  const findings: Finding[] = [];
  for (const usage of usages) {
    const location = { file: usage.file, line: usage.line, column: usage.column, key: usage.key };
    const defined = usage.prefix
      ? [...known].some((key) => key.startsWith(usage.key))
      : known.has(usage.key) || knownBases.has(usage.key);
    if (defined || inBrokenFile(locales, usage.key)) continue;
    findings.push({
      severity: "error",
      rule: "unknown-key",
      location,
      message: usage.prefix
        ? `builds text names starting with "${usage.key}", but no locale file has a text with such a name: add the texts to ${localeFileOfKey(sourceLanguage, usage.key)} and the other languages, or correct the name`
        : `uses the text "${usage.key}", which no locale file has: add it to ${languages.map((language) => localeFileOfKey(language, usage.key)).join(" and ")}, or correct the name here`,
    });
  }
  for (const text of textsIn(locales, sourceLanguage).values()) {
    const used =
      usedNames.has(text.key) ||
      usedNames.has(pluralBase(text.key)) ||
      usedPrefixes.some((prefix) => text.key.startsWith(prefix));
    if (used) continue;
    findings.push({
      severity: "warning",
      rule: "unused-key",
      location: locationOf(text),
      message: `nothing on the site uses this text: if it is no longer needed, delete it here and in the other languages' files; if it should be used, ask a developer`,
    });
  }
  return findings;
}
