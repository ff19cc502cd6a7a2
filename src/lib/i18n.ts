import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import i18next, { type i18n, type Resource } from "i18next";
import { ContentError } from "./errors.ts";
import { escapeHtml } from "./html.ts";
import { findNestingProblems } from "./i18n-nesting.ts";
import { jsonErrorPosition, locateJsonKeys } from "./json-keys.ts";
import { languages, type Language } from "./languages.ts";
import { decodeUtf8 } from "./source-files.ts";
import { projectFiles } from "./project.ts";

/** Locale strings of one language: each locale file's content under its file name. */
export type LocaleTree = Record<string, unknown>;

/** All locale files, by language. */
export type LocaleResources = Record<Language, LocaleTree>;

/** Keys ending in `_html` are allowed to contain markup; all others are escaped as text. */
export function allowsMarkup(key: string): boolean {
  return /_html(?:_[a-z]+)?$/.test(key);
}

/** Parses a locale file, naming the file, line and column where its JSON is broken. */
export function parseLocaleFile(file: string, text: string): LocaleTree {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new ContentError("a locale file must hold one JSON object { … }", { file });
    }
    return parsed as LocaleTree;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ContentError(`this is not valid JSON: ${error.message}`, {
      file,
      ...jsonErrorPosition(text),
    });
  }
}

/**
 * Names that JavaScript objects give a meaning of their own: a locale key of that name would
 * reach into the object's prototype wherever locale trees are walked or written by path.
 */
export const reservedKeyNames: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

/** The path of the first key in a locale tree named like one of `reservedKeyNames`, if any. */
export function reservedKeyPath(tree: LocaleTree, prefix: string[] = []): string[] | undefined {
  for (const [name, value] of Object.entries(tree)) {
    if (reservedKeyNames.has(name)) return [...prefix, name];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const found = reservedKeyPath(value as LocaleTree, [...prefix, name]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** What is wrong with a key `reservedKeyPath` found, for translators. */
export function reservedKeyMessage(keyPath: readonly string[]): string {
  return `"${keyPath[keyPath.length - 1] ?? ""}" cannot be the name of a text or group, because JavaScript gives it a meaning of its own: rename it`;
}

/** A language's strings by full key (`common.skipLink`), as i18next looks them up. */
export function flattenLocaleTree(tree: LocaleTree, prefix = ""): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}${name}`;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const entry of flattenLocaleTree(value as LocaleTree, `${key}.`)) flat.set(...entry);
    } else {
      flat.set(key, value);
    }
  }
  return flat;
}

/**
 * Reads every `locales/<language>/<file>.json` (UTF-8 only); a file's keys are named
 * `<file>.<path>`. A `$t(key)` reference to a missing text, or references that loop, stop
 * the build with the locale file and key named, and so does a key named `__proto__`,
 * `constructor` or `prototype`.
 */
export async function loadLocales(
  localesDir: string,
  projectRoot: string,
): Promise<LocaleResources> {
  const entries = await Promise.all(
    languages.map(async (language): Promise<[Language, LocaleTree]> => {
      const folder = path.join(localesDir, language);
      const files = (await readdir(folder)).filter((file) => file.endsWith(".json")).sort();
      const tree: LocaleTree = {};
      const texts = new Map<string, string>();
      for (const file of files) {
        const absolute = path.join(folder, file);
        const relative = path.relative(projectRoot, absolute);
        const text = decodeUtf8(await readFile(absolute), relative);
        const parsed = parseLocaleFile(relative, text);
        const reserved = reservedKeyPath(parsed);
        if (reserved !== undefined) {
          const dotted = reserved.join(".");
          throw new ContentError(reservedKeyMessage(reserved), {
            file: relative,
            ...locateJsonKeys(text).positions.get(dotted),
            key: `${path.basename(file, ".json")}.${dotted}`,
          });
        }
        tree[path.basename(file, ".json")] = parsed;
        texts.set(path.basename(file, ".json"), text);
      }
      const [problem] = findNestingProblems(flattenLocaleTree(tree));
      if (problem !== undefined) {
        // The key is `<file>.<path in the file>`: its line is where the path stands in that file.
        const [name = "", ...keyPath] = problem.key.split(".");
        const position = locateJsonKeys(texts.get(name) ?? "").positions.get(keyPath.join("."));
        throw new ContentError(problem.message, {
          file: localeFileOfKey(language, problem.key),
          ...position,
          key: problem.key,
        });
      }
      return [language, tree];
    }),
  );
  return Object.fromEntries(entries);
}

/** Looks up UI strings; one instance serves a whole build. */
export interface Translator {
  /**
   * The string for `key` in `language`, with `values` interpolated. Throws a content error
   * naming the locale file and key when the string is missing: a page never shows a raw key
   * or silently falls back to another language.
   */
  t(language: Language, key: string, values?: Record<string, unknown>): string;
  /** Whether a string exists (for `count`, in the plural form that count needs). */
  has(language: Language, key: string, values?: Record<string, unknown>): boolean;
}

/** A translator's lookup for one language, as components receive it. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The locale file a key lives in, for messages. */
export function localeFileOfKey(language: Language, key: string): string {
  return projectFiles.localeFile(language, key.split(".")[0] ?? key);
}

/** Creates the build's translator over the given resources. */
export function createTranslator(resources: LocaleResources): Translator {
  const instance: i18n = i18next.createInstance();
  const i18nextResources: Resource = Object.fromEntries(
    languages.map((language) => [language, { translation: resources[language] ?? {} }]),
  );
  void instance.init({
    resources: i18nextResources,
    lng: languages[0],
    fallbackLng: false,
    initAsync: false,
    nsSeparator: false,
    returnNull: false,
    returnEmptyString: false,
    returnObjects: false,
    interpolation: { escapeValue: false },
  });
  const has = (language: Language, key: string, values?: Record<string, unknown>) =>
    instance.exists(key, { ...values, lng: language });
  // A string without values is the same all build long, and every page asks for dozens of
  // them (skip link, menus, footer): i18next's lookup is done once per language and key.
  const plainStrings = new Map<string, string>();
  return {
    has,
    t(language, key, values) {
      const plainKey = values === undefined ? `${language}:${key}` : undefined;
      const known = plainKey === undefined ? undefined : plainStrings.get(plainKey);
      if (known !== undefined) return known;
      if (!has(language, key, values)) {
        throw new ContentError(`the text "${key}" is missing in language "${language}"`, {
          file: localeFileOfKey(language, key),
          key,
        });
      }
      // Values interpolated into a markup string must not bring markup of their own. (Escaping
      // here rather than through i18next's per-call option keeps its interpolator built once.)
      const interpolated =
        allowsMarkup(key) && values !== undefined
          ? Object.fromEntries(
              Object.entries(values).map(([name, value]) => [
                name,
                typeof value === "string" ? escapeHtml(value) : value,
              ]),
            )
          : values;
      const text = instance.t(key, { ...interpolated, lng: language });
      if (plainKey !== undefined) plainStrings.set(plainKey, text);
      return text;
    },
  };
}
