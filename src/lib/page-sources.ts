import { readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { YAMLException } from "js-yaml";
import { ContentError } from "./errors.ts";
import { readFrontMatter, type FrontMatterParts } from "./front-matter.ts";
import { languageOfInputPath, languages, type Language } from "./languages.ts";
import {
  frontMatterLine,
  indexTranslations,
  validateFrontMatter,
  type PageEntry,
  type PageFrontMatter,
} from "./pages.ts";
import { projectFolders } from "./project.ts";
import { portablePath, type Finding } from "./translation-findings.ts";

/** A page under `src/site/<language>/` as written: its front matter (not yet validated) and its body. */
export interface PageSource extends FrontMatterParts {
  /** Relative to the project, e.g. `src/site/de/quellen.md`. */
  file: string;
  language: Language;
  /** The whole file. */
  text: string;
}

/** A page whose front matter is valid. */
export interface Page extends PageSource {
  frontMatter: PageFrontMatter;
  /** A source-language page's version, from the pairing (see `indexTranslations`). */
  version: string | undefined;
}

/** The pages sharing a translation key, by language. */
export interface PagePair {
  translationKey: string;
  pages: Partial<Record<Language, Page>>;
  /**
   * Whether a page of the pair says it is an adaptation of its twin (`adaptation: true`, e.g.
   * easy-read English written from the Leichte Sprache page): such a pair is not a translation,
   * so it is neither exchanged nor ever outdated.
   */
  adaptation: boolean;
}

/**
 * The `translationKey` of a page whose front matter YAML cannot read, from its line as written
 * (`translationKey: home`), if the line is there.
 */
function writtenTranslationKey(text: string): string | undefined {
  const line = frontMatterLine(text, "translationKey");
  const written = line === undefined ? undefined : text.split("\n")[line - 1];
  return /^["']?translationKey["']?[ \t]*:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?\r?$/.exec(
    written ?? "",
  )?.[2];
}

function readPage(
  file: string,
  language: Language,
  text: string,
): { page: PageSource } | { finding: Finding; translationKey?: string } {
  try {
    return { page: { file, language, text, ...readFrontMatter(text) } };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const translationKey = writtenTranslationKey(text);
    return {
      ...(translationKey === undefined ? {} : { translationKey }),
      finding: {
        severity: "error",
        rule: "front-matter",
        // js-yaml counts lines from 0, starting at the opening "---" line.
        location: { file, line: error.mark.line + 1, column: error.mark.column + 1 },
        message: `the front matter (the lines between "---" at the top) is not valid: ${error.reason}. Check the quotes and the "name: value" form of each line`,
      },
    };
  }
}

/** A page whose front matter cannot be read, with the key its line says it has. */
export interface UnreadablePage {
  language: Language;
  translationKey: string;
}

/** The pages read, the findings of those that cannot be, and what these are known to be. */
export interface ReadPages {
  pages: PageSource[];
  findings: Finding[];
  /** Each page whose front matter cannot be read, where its `translationKey` line says. */
  unreadable: UnreadablePage[];
}

/** Reads every Markdown page under `src/site/<language>/`. */
export async function readPages(projectRoot: string): Promise<ReadPages> {
  const files = (
    await glob(`${projectFolders.site}/{${languages.join(",")}}/**/*.md`, { cwd: projectRoot })
  )
    .map(portablePath)
    .sort();
  const pages: PageSource[] = [];
  const findings: Finding[] = [];
  const unreadable: UnreadablePage[] = [];
  // Synchronous reads: thousands of small files are read faster one by one than through
  // thousands of promises.
  for (const file of files) {
    const language = languageOfInputPath(file);
    if (language === undefined) continue;
    const result = readPage(file, language, readFileSync(path.join(projectRoot, file), "utf8"));
    if ("page" in result) pages.push(result.page);
    else {
      findings.push(result.finding);
      if (result.translationKey !== undefined) {
        unreadable.push({ language, translationKey: result.translationKey });
      }
    }
  }
  pages.sort((a, b) => a.file.localeCompare(b.file));
  return { pages, findings, unreadable };
}

/**
 * A page's address as Eleventy gives it, from its permalink or its file (`src/site/de/quellen.md`
 * → `/de/quellen/`); undefined for a page that is not written (`permalink: false`).
 */
export function pageAddress(
  page: Pick<PageSource, "file" | "language" | "data">,
): string | undefined {
  const { permalink } = page.data;
  if (permalink === false) return undefined;
  if (typeof permalink === "string") return permalink.replace(/index\.html$/, "");
  const stem = path.posix.basename(page.file, ".md");
  return `/${page.language}/${stem === "index" ? "" : `${stem}/`}`;
}

/** The address of the page with a translation key in each language that has one. */
export async function addressesOfKey(
  projectRoot: string,
  translationKey: string,
): Promise<Partial<Record<Language, string>>> {
  const { pages } = await readPages(projectRoot);
  return Object.fromEntries(
    pages.flatMap((page) => {
      const address = page.data.translationKey === translationKey ? pageAddress(page) : undefined;
      return address === undefined ? [] : [[page.language, address]];
    }),
  );
}

function pageFinding(error: ContentError, page: PageSource): Finding {
  const { key } = error.location;
  const line = key === undefined ? undefined : frontMatterLine(page.text, key);
  return {
    severity: "error",
    rule: "page",
    location: { ...error.location, ...(line === undefined ? {} : { line }) },
    message: error.message,
  };
}

/**
 * Pairs pages by `translationKey` with the build's own rules (`indexTranslations`): front
 * matter, one page per key and language, a twin in every language unless the page says why not.
 * The build stops at the first problem; the check wants them all, so it reports the page at
 * fault, sets it aside and pairs the others again.
 */
export function pairPages(
  pages: readonly PageSource[],
  unreadable: readonly UnreadablePage[] = [],
): {
  pairs: PagePair[];
  findings: Finding[];
} {
  const findings: Finding[] = [];
  // A page set aside is reported once: its twin is not reported as lacking one.
  const setAside = new Set(unreadable.map((page) => page.translationKey));
  const setAsideBecause = (error: unknown, page: PageSource, others: readonly PageSource[]) => {
    if (!(error instanceof ContentError)) throw error;
    findings.push(pageFinding(error, page));
    const key = page.data.translationKey;
    // A second page with a key its language has already still leaves the first one paired.
    const twice = others.some(
      (other) =>
        other !== page && other.language === page.language && other.data.translationKey === key,
    );
    if (typeof key === "string" && !twice) setAside.add(key);
  };
  // A page whose own front matter is wrong (a field pages may not use) is set aside first.
  let remaining = pages.filter((page) => {
    try {
      validateFrontMatter(page.data, page.file);
      return true;
    } catch (error) {
      setAsideBecause(error, page, []);
      return false;
    }
  });
  for (;;) {
    const entries: PageEntry[] = remaining.map((page) => ({
      inputPath: page.file,
      url: page.file,
      data: page.data,
      body: page.body,
    }));
    try {
      const translations = indexTranslations(entries, setAside);
      const byFile = new Map(remaining.map((page) => [page.file, page]));
      const pairs = Object.entries(translations).map(([translationKey, refs]): PagePair => {
        const paired: PagePair["pages"] = {};
        for (const language of languages) {
          const page = byFile.get(refs[language]?.inputPath ?? "");
          if (page === undefined) continue;
          paired[language] = {
            ...page,
            frontMatter: validateFrontMatter(page.data, page.file),
            version: refs[language]?.version,
          };
        }
        const adaptation = Object.values(paired).some(
          (page) => page?.frontMatter.adaptation === true,
        );
        return { translationKey, pages: paired, adaptation };
      });
      return { pairs, findings };
    } catch (error) {
      const atFault =
        error instanceof ContentError
          ? remaining.find((page) => page.file === error.location.file)
          : undefined;
      if (atFault === undefined || !(error instanceof ContentError)) throw error;
      setAsideBecause(error, atFault, remaining);
      remaining = remaining.filter((page) => page !== atFault);
    }
  }
}
