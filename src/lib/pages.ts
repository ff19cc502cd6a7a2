import { z } from "zod";
import { publisherModule } from "./data/schemas.ts";
import { ContentError } from "./errors.ts";
import { splitPage } from "./front-matter.ts";
import {
  languageName,
  languageOfInputPath,
  languagePattern,
  languages,
  sourceLanguage,
  type Language,
} from "./languages.ts";
import { projectFolders } from "./project.ts";
import { pageVersion } from "./translation-version.ts";

/** Whether a text holds Nunjucks code: one of the openers `{{`, `{%` or `{#`, the same test Eleventy makes. */
export function usesTemplateCode(text: string): boolean {
  return /\{[{%#]/.test(text);
}

/**
 * Where a page may be published: an address under a language's folder, written out in full
 * (`/de/404.html`, `/pt-BR/about/`), so no page can be written outside the site, over an asset
 * or over a generated file such as `sitemap.xml`; the source-file check keeps it under the
 * page's own language (`src/lib/source-files.ts`).
 */
const languageFolderAddress = new RegExp(
  `^/(?:${languagePattern})/(?:[a-z0-9][a-z0-9-]*/)*(?:[a-z0-9][a-z0-9-]*(?:/|\\.html))?$`,
);
const permalink = z
  .string()
  .refine(
    (address) => !usesTemplateCode(address),
    "write the address out in full; template code such as {{ … }} is not run in a permalink",
  )
  .refine(
    (address) => languageFolderAddress.test(address),
    `write an address under the page's language folder in lower-case words joined by hyphens, ending in / or .html, e.g. /${sourceLanguage}/ueber-uns/ (no .., no backslashes, no other folders)`,
  );

/** Front matter a page under `src/site/<language>/` may have, and nothing else. */
export const pageFrontMatter = z.strictObject({
  title: z.string().trim().min(1, "the page needs a title"),
  description: z
    .string()
    .trim()
    .min(1, "the page needs a description for search engines and link previews"),
  /** Pairs a page with its translation: both pages carry the same key. */
  translationKey: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "use lower-case words joined by hyphens, e.g. `key-figures`",
    ),
  /** Why a page exists in one language only; without it a missing twin is an error. */
  onlyInThisLanguage: z.string().trim().min(1).optional(),
  /** `false` keeps a page (such as the 404 page) out of the sitemap. */
  sitemap: z.boolean().default(true),
  /** Short title for navigation, when the page title is too long for it. */
  navTitle: z.string().trim().min(1).optional(),
  /** Hash of the source-language page this translation was made from. */
  translatedFrom: z.string().optional(),
  /** Where the page is published, written out in full: Markdown pages take it as it is. */
  permalink: z.union([z.literal(false), permalink]).optional(),
  /** A layout of `src/site/_includes/layouts/` (checked against the files there), or `page`. */
  layout: z
    .string({
      error:
        "a layout gives the page the site's frame, its security policy among it: name one of the site's layouts, or leave the field out for the default",
    })
    .optional(),
  /** The details of `data/publisher.ts` that `layouts/publisher.njk` lists on the page. */
  publisherFields: z.array(publisherModule.keyof()).optional(),
  /** Marks a page written in Leichte Sprache / easy-read English. */
  easyLanguage: z.boolean().optional(),
  /** Says the page is an adaptation of its twin, written for its own readers, not a translation. */
  adaptation: z.boolean().optional(),
});
export type PageFrontMatter = z.infer<typeof pageFrontMatter>;

/** A built page as the pairing sees it. */
export interface PageEntry {
  inputPath: string;
  url: string;
  data: Record<string, unknown>;
  /** The page's text after its front matter, as Eleventy read it (its `rawInput`). */
  body: string;
}

/** What other pages need to know of a page to link to it. */
export interface PageRef {
  url: string;
  title: string;
  navTitle: string;
  inputPath: string;
  sitemap: boolean;
  /**
   * A source-language page's version (see `translation-version.ts`), which a translation made
   * from it records as `translatedFrom`; undefined for a translation.
   */
  version: string | undefined;
}

/** Pages by translation key and language. */
export type Translations = Record<string, Partial<Record<Language, PageRef>>>;

function stripDotSlash(inputPath: string): string {
  return inputPath.replace(/^\.\//, "");
}

/** The fields of a page's data that are its own front matter (the rest is the data cascade). */
function ownFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(pageFrontMatter.shape)
      .filter((key) => Object.hasOwn(data, key))
      .map((key) => [key, data[key]]),
  );
}

/**
 * Validates a page's own front matter; the first problem stops the build with the page and
 * field named (a field pages may not use, such as `templateEngineOverride`, included).
 */
export function validateFrontMatter(data: unknown, file: string): PageFrontMatter {
  const result = pageFrontMatter.safeParse(data);
  if (result.success) return result.data;
  // A field pages may not use is named first: its neighbours' errors may follow from it.
  const { issues } = result.error;
  const issue = issues.find((candidate) => candidate.code === "unrecognized_keys") ?? issues[0];
  if (issue?.code === "unrecognized_keys") {
    const [key = ""] = issue.keys;
    if (key === "<<") {
      throw new ContentError(
        `"<<" (a YAML merge key) is not read in front matter: write each field out`,
        { file, key },
      );
    }
    throw new ContentError(
      `"${key}" is not a front matter field pages may use (they may use: ${Object.keys(pageFrontMatter.shape).join(", ")})`,
      { file, key },
    );
  }
  const path = issue?.path ?? [];
  const key = path.map(String).join(".");
  // zod 4 leaves the value out of its issues: it is looked up, so that a field set to the
  // wrong kind of value ("layout: false") is not reported as missing.
  const value = path.reduce<unknown>(
    (parent, step) =>
      typeof parent === "object" && parent !== null
        ? (parent as Record<PropertyKey, unknown>)[step]
        : undefined,
    data,
  );
  const message =
    value === undefined
      ? `the front matter lacks the field "${key}"`
      : issue?.code === "invalid_type"
        ? `the front matter field "${key}" must be ${kindOfValue[issue.expected] ?? issue.expected}, not ${JSON.stringify(value)}${/^Invalid input/.test(issue.message) ? "" : `: ${issue.message}`}`
        : `the front matter field "${key}" is invalid: ${issue?.message ?? "unknown problem"}`;
  throw new ContentError(message, { file, key });
}

/** What a field's type means to an editor. */
const kindOfValue: Record<string, string> = {
  string: "a text",
  boolean: "true or false",
  array: "a list",
  number: "a number",
};

/**
 * Pairs every page in a language folder with its translation by `translationKey`, checking
 * the front matter on the way. A page without a twin (unless it says why), two pages with
 * the same key in one language, and two pages with the same title in one language stop the build.
 * `unreadableKeys` are the keys of pages left out because they cannot be read: their twins
 * have a twin, only not a readable one, and are not reported for it.
 */
export function indexTranslations(
  entries: readonly PageEntry[],
  unreadableKeys: ReadonlySet<string> = new Set(),
): Translations {
  const translations: Translations = {};
  const exemptions = new Map<string, string>();
  const titles = new Map<string, string>();
  const sorted = [...entries].sort((a, b) => a.inputPath.localeCompare(b.inputPath));
  for (const entry of sorted) {
    const language = languageOfInputPath(entry.inputPath);
    if (language === undefined) continue;
    const file = stripDotSlash(entry.inputPath);
    const fields = ownFields(entry.data);
    const frontMatter = validateFrontMatter(fields, file);
    const pair = (translations[frontMatter.translationKey] ??= {});
    const existing = pair[language];
    if (existing !== undefined) {
      throw new ContentError(
        `has the same translationKey "${frontMatter.translationKey}" as ${existing.inputPath}; each language may use a key once`,
        { file, key: "translationKey" },
      );
    }
    const titleKey = `${language}\n${frontMatter.title}`;
    const sameTitle = titles.get(titleKey);
    if (sameTitle !== undefined) {
      throw new ContentError(
        `has the same title as ${sameTitle}; every page needs a title of its own`,
        { file, key: "title" },
      );
    }
    titles.set(titleKey, file);
    if (frontMatter.onlyInThisLanguage !== undefined) {
      exemptions.set(frontMatter.translationKey, file);
    }
    let version: string | undefined;
    pair[language] = {
      url: entry.url,
      title: frontMatter.title,
      navTitle: frontMatter.navTitle ?? frontMatter.title,
      inputPath: file,
      sitemap: frontMatter.sitemap,
      // From the text Eleventy has read already (reading each source page's file again for its
      // translation's outdated notice took about 0.2 s on 2,000 pages), and only when asked: the
      // pairing runs on every rebuild in `npm start`, which renders one page.
      get version() {
        if (language !== sourceLanguage) return undefined;
        version ??= pageVersion({ data: fields, body: entry.body });
        return version;
      },
    };
  }
  for (const [key, pair] of Object.entries(translations)) {
    if (exemptions.has(key) || unreadableKeys.has(key)) continue;
    for (const language of languages) {
      if (pair[language] !== undefined) continue;
      const [present] = Object.values(pair);
      throw new ContentError(
        `has no ${languageName(language)} twin: add a page under ${projectFolders.pages(language)}/ with "translationKey: ${key}", or say why it exists in one language only with "onlyInThisLanguage: <reason>"`,
        { file: present?.inputPath ?? key, key: "translationKey" },
      );
    }
  }
  return translations;
}

/**
 * The 1-based line of a top-level front-matter field in a page's source, if it is there:
 * looked for in the front matter only (see `splitPage`), written plain or in quotes.
 */
export function frontMatterLine(source: string, field: string): number | undefined {
  const lines = splitPage(source).frontMatterText.split("\n");
  const name = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const key = new RegExp(`^(?:${name}|"${name}"|'${name}')[ \\t]*:`);
  const index = lines.findIndex((line) => key.test(line));
  // The front matter's first line is the file's second.
  return index === -1 ? undefined : index + 2;
}
