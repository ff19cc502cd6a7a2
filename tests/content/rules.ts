import { getAttributeValue, textContent } from "domutils";
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import type { Fact, Glossary, Sources } from "../../src/lib/data/schemas.ts";
import type { Language } from "../../src/lib/languages.ts";
import { parseHtml, tag, text, within, type ParsedPage } from "../support/html.ts";

/**
 * The kinds of error a careful reader found on the site, each as a function that returns the
 * problems it finds in one text or page (an empty list when there are none), so a test can
 * show it failing on a bad sentence beside the real pages passing.
 */

/** Elements that hold one statement: the block a figure and its qualifier must share. */
const blockNames = new Set(["p", "li", "tr", "dd", "figcaption", "caption", "h1", "h2", "h3"]);

/** Mediopunkt and soft hyphen split words for reading; they do not change the word. */
function normalise(value: string): string {
  return value.replace(/[\u00b7\u00ad]/g, "").replace(/\s+/g, " ");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase as a whole word or words, in any case: "Amt" is found in "ein Amt", not in "Sprecheramt". */
function phrasePattern(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, "iu");
}

/** The text of a node without the parts marked as another language than `language`. */
function textInLanguage(node: AnyNode, language: Language): string {
  if (!isTag(node)) return textContent(node);
  const lang = getAttributeValue(node, "lang");
  if (lang !== undefined && lang !== language) return " ";
  return node.children.map((child) => textInLanguage(child, language)).join("");
}

/** A built page's own words: its title, description and main content, without foreign phrases. */
export function pageWords(doc: ParsedPage, language: Language): string {
  const description = doc.first(tag("meta", { name: "description" }));
  const main = doc.first(tag("main"));
  return normalise(
    [
      text(doc.first(tag("title"))),
      description === null ? "" : (getAttributeValue(description, "content") ?? ""),
      main === null ? "" : textInLanguage(main, language),
    ].join("\n"),
  );
}

/** The qualifier the 1-in-6 share needs: it counts people in health care, directly or not. */
const careQualifier: Record<Language, RegExp[]> = {
  de: [/(mittel- oder unmittelbar|mittelbar oder unmittelbar)/i, /Gesundheitsversorgung/],
  en: [/directly or indirectly/i, /healthcare/i],
};

/**
 * The innermost blocks of a page that show `shown` (a figure as formatted), as text: the
 * paragraph, list item or table row (with its header) that a reader takes the figure from.
 * Every kind of space reads alike, so "58 Mrd. €" is found with or without no-break spaces.
 */
export function blocksShowing(doc: ParsedPage, shown: string): string[] {
  const figure = normalise(shown);
  const holding = doc.all(
    (element) => blockNames.has(element.name) && normalise(text(element)).includes(figure),
  );
  return holding
    .filter((block) => !within(block, (element) => holding.includes(element)).length)
    .map((block) => normalise(text(block)).trim());
}

/**
 * Blocks of a page that show `share` (the formatted 1-in-6 figure) without saying it counts
 * people working directly or indirectly in health care.
 */
export function shareWithoutCareQualifier(
  doc: ParsedPage,
  share: string,
  language: Language,
): string[] {
  return blocksShowing(doc, share).filter(
    (words) => !(careQualifier[language] ?? []).every((pattern) => pattern.test(words)),
  );
}

/** What every block showing a figure must say, and must not: the source's qualifiers. */
export interface BlockWording {
  /** Words each block holding the figure must contain ("derzeit" with the revenue). */
  everywhere?: RegExp[];
  /** Words that would shift the source's meaning ("vertritt" for "repräsentiert"). */
  never?: RegExp[];
}

/**
 * Where a text that shows a figure drops a qualifier its source gives it or says what the source
 * does not: `texts` are the blocks of a built page that show the figure, or the figure's label
 * in an open-data file.
 */
export function blockWordingProblems(texts: readonly string[], wording: BlockWording): string[] {
  return texts.flatMap((words) => [
    ...(wording.everywhere ?? [])
      .filter((pattern) => !pattern.test(words))
      .map((pattern) => `"${words}" lacks ${pattern}`),
    ...(wording.never ?? [])
      .filter((pattern) => pattern.test(words))
      .map((pattern) => `"${words}" says ${pattern}`),
  ]);
}

/** The addresses of the sources page: a link to it is navigation, not talk about the sources. */
const sourcesPages = new Set(["/de/quellen/", "/en/sources/"]);

/**
 * Words with which a page talks about its sources rather than giving what they say: the
 * sources by name of kind ("Quelle", "Veröffentlichung", "Text"; "source", "publication",
 * "text") and "nach Angaben" / "according to".
 */
const sourceTalk: Record<Language, RegExp> = {
  de: /(?<!\p{L})(?:Quellen?|Veröffentlichung(?:en)?|Text(?:e|es|en)?|[Nn]ach Angaben)(?!\p{L})/gu,
  en: /\b(?:sources?|publications?|texts?|according to)\b/gi,
};

/** A built page's main content in its own language, without links to the sources page. */
function mainText(doc: ParsedPage, language: Language): string {
  const visit = (node: AnyNode): string => {
    if (!isTag(node)) return textContent(node);
    if (node.name === "script") return " ";
    if (node.name === "a" && sourcesPages.has(getAttributeValue(node, "href") ?? "")) return " ";
    const lang = getAttributeValue(node, "lang");
    if (lang !== undefined && lang !== language) return " ";
    return node.children.map(visit).join(" ");
  };
  const main = doc.first(tag("main"));
  return main === null ? "" : normalise(visit(main));
}

/**
 * How often a built page's main content talks about its sources (table captions and rows,
 * notes and citations drawn by its layout included), links to the sources page aside.
 */
export function sourceMentions(doc: ParsedPage, language: Language): number {
  const talk = sourceTalk[language];
  return talk === undefined ? 0 : (mainText(doc, language).match(talk)?.length ?? 0);
}

/**
 * The first section of a built page, in all its languages: its main content after the title
 * (`h1`; a notice above it is not the page's content) up to the second `h2` when the page opens
 * with one, else up to the first.
 */
export function firstSection(doc: ParsedPage): string {
  let text = "";
  let headings = 0;
  let afterTitle = false;
  const visit = (node: AnyNode): boolean => {
    if (!isTag(node)) {
      if (afterTitle) text += textContent(node);
      return true;
    }
    if (node.name === "h1") afterTitle = true;
    if (node.name === "script" || node.name === "h1") return true;
    if (node.name === "h2") {
      headings += 1;
      if (text.trim() !== "" || headings > 1) return false;
    }
    return node.children.every(visit);
  };
  const main = doc.first(tag("main"));
  if (main !== null) main.children.every(visit);
  return normalise(text);
}

const closedThemeClaims: Record<Language, RegExp[]> = {
  de: [
    /jede (?:der \w+ )?Region hat (?:genau )?(?:ein|ihr)e?s? (?:eigenes )?(?:Schwerpunkt)?thema/i,
    /jede (?:der \w+ )?Region (?:steht für|übernimmt) (?:genau )?(?:ein|ihr)e?s? (?:Schwerpunkt)?thema/i,
    /jede (?:der \w+ )?Region[^.]{0,40}\bein(?:em)? (?:einzigen )?(?:Schwerpunkt)?thema\b/i,
  ],
  en: [
    /each (?:of the \w+ )?region (?:has|leads on|stands for|takes on) (?:exactly )?(?:one|a single|its own) (?:priority )?theme/i,
    /every (?:of the \w+ )?region[^.]{0,40}\b(?:one|a single) (?:priority )?theme\b/i,
  ],
};

/** Sentences that close the source's open list ("darunter"): each region with one theme. */
export function closedThemeList(words: string, language: Language): string[] {
  return (closedThemeClaims[language] ?? []).flatMap((pattern) => pattern.exec(words)?.[0] ?? []);
}

const workInClusterClaims: Record<Language, RegExp[]> = {
  de: [
    /\b(?:arbeiten|arbeitet|beschäftigt|tätig)\b[^.;:]{0,60}\bim Cluster\b/i,
    /\bim Cluster\b[^.;:]{0,60}\b(?:arbeiten|arbeitet|beschäftigt|tätig)\b/i,
    /\bBeschäftigte im Cluster\b/i,
  ],
  en: [
    /\b(?:work|works|working|employed)\b[^.;:]{0,60}\bin the (?:[\w-]+ ){0,3}cluster\b/i,
    /\b(?:employees|people employed) (?:in|of) the (?:[\w-]+ ){0,3}cluster\b/i,
  ],
};

/** Sentences saying people work "in the cluster": the cluster represents its employees. */
export function workInTheCluster(words: string, language: Language): string[] {
  return (workInClusterClaims[language] ?? []).flatMap((pattern) => pattern.exec(words)?.[0] ?? []);
}

const sharedOutManagement: Record<Language, RegExp[]> = {
  de: [/teilen sich[^.]{0,60}Clustermanagement/i, /Clustermanagement[^.]{0,60}teilen sich/i],
  en: [
    /\bshare[sd]? (?:out )?the cluster management\b/i,
    /cluster management is (?:shared|split)/i,
  ],
};

/** Sentences that split the joint cluster management up between the agencies. */
export function clusterManagementSharedOut(words: string, language: Language): string[] {
  return (sharedOutManagement[language] ?? []).flatMap((pattern) => pattern.exec(words)?.[0] ?? []);
}

const jointResponsibilityClaims: Record<Language, RegExp> = {
  de: /\bgemeinsam zuständig\b/i,
  en: /\bjointly responsible\b/i,
};

/**
 * Sentences that make the agencies' responsibility joint: the source calls the cluster
 * management joint ("Für das gemeinsame Clustermanagement sind … zuständig").
 */
export function jointResponsibility(words: string, language: Language): string[] {
  const match = jointResponsibilityClaims[language]?.exec(words) ?? null;
  return match === null ? [] : [match[0]];
}

/** Words a text uses for something the glossary names otherwise, with the right term. */
export function avoidedTerms(
  words: string,
  glossary: Glossary,
  language: Language,
): { found: string; use: string }[] {
  return Object.values(glossary).flatMap(({ terms: { [language]: entry } }) =>
    (entry?.avoid ?? [])
      .filter((variant) => phrasePattern(variant).test(normalise(words)))
      .map((variant) => ({ found: variant, use: entry?.term ?? "" })),
  );
}

/** Whether a text uses a glossary term (in any case, Mediopunkt or not). */
export function usesTerm(words: string, term: string): boolean {
  return normalise(words).toLowerCase().includes(term.toLowerCase());
}

/** What the glossary check needs to know of a page. */
export interface GlossaryPage {
  language: Language;
  translationKey: string;
  easyLanguage: boolean;
}

/**
 * Where a page departs from the glossary: a term the glossary lists for the page that it does
 * not use, and words listed as wrong that it does use. The Leichte Sprache and easy-read pages
 * use an entry's `easy` term where it has one, and avoid its `easy.avoid` words as well.
 */
export function termProblems(
  words: string,
  page: GlossaryPage,
  glossary: Glossary,
  /** The page's text with its foreign-language phrases, where a term with `lang` stands. */
  withForeign = words,
): string[] {
  return Object.entries(glossary).flatMap(([id, entry]) => {
    const names = entry.terms[page.language];
    if (names === undefined) return [];
    const easy = page.easyLanguage ? names.easy : undefined;
    const term = easy?.term ?? names.term;
    const wrong = [...names.avoid, ...(easy?.avoid ?? [])];
    const problems =
      entry.pages.includes(page.translationKey) &&
      !usesTerm(names.lang === undefined ? words : withForeign, term)
        ? [`${id}: lacks "${term}"`]
        : [];
    for (const variant of wrong) {
      if (phrasePattern(variant).test(normalise(words))) {
        problems.push(`${id}: uses "${variant}", which the glossary lists as wrong here`);
      }
    }
    return problems;
  });
}

/**
 * Places where a name in another language stands unmarked: `term` in a text whose nearest
 * `lang` is not `termLanguage` (WCAG 3.1.2).
 */
export function unmarkedForeignTerm(doc: ParsedPage, term: string, termLanguage: string): string[] {
  const problems: string[] = [];
  const visit = (node: AnyNode, lang: string | undefined): void => {
    // A script element holds data for machines (the data pages' JSON-LD), not text for readers.
    if (isTag(node) && node.name === "script") return;
    if (isTag(node)) {
      const own = getAttributeValue(node, "lang") ?? lang;
      for (const child of node.children) visit(child, own);
    } else if (isText(node) && usesTerm(textContent(node), term) && lang !== termLanguage) {
      problems.push(`"${normalise(textContent(node)).trim()}" (lang=${lang ?? "none"})`);
    }
  };
  const root = doc.first(tag("html"));
  if (root !== null) visit(root, undefined);
  return problems;
}

/** A browser title "Page – Site" whose page part already says the site's name. */
export function titleRepeatsSiteName(title: string): boolean {
  const separator = title.lastIndexOf(" – ");
  if (separator === -1) return false;
  const page = title.slice(0, separator).toLowerCase();
  return page.includes(title.slice(separator + 3).toLowerCase());
}

/** Dates written the American way ("November 22, 2026") in English text. */
export function americanDates(words: string): string[] {
  return [
    ...words.matchAll(
      /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/g,
    ),
  ].map((match) => match[0]);
}

/**
 * A fact whose German text does not open with the source's own hedge: the first word of
 * `quote` ("über 21.400 Unternehmen") must open the German rendering ("über 21.400").
 */
export function hedgeDiffersFromSource(fact: Fact, germanText: string): string[] {
  if (fact.qualifier === undefined) return [];
  const hedge = /^(?:mehr als|\S+)/i.exec(fact.quote)?.[0] ?? "";
  return germanText.toLowerCase().startsWith(`${hedge.toLowerCase()} `)
    ? []
    : [`the source says "${fact.quote}", the site "${germanText}"`];
}

/** How the sources page names its details, and how it shows a placeholder, in one language. */
export interface SourceDetailNames {
  url: string;
  retrievedOn: string;
  unconfirmed: string;
  placeholder: (value: string) => string;
}

/**
 * Details the sources page must show for each source: the web address and retrieval date
 * (as placeholders until filled in), and a mark on a publisher still to be confirmed.
 */
export function missingSourceDetails(
  doc: ParsedPage,
  sources: Sources,
  language: Language,
  names: SourceDetailNames,
): string[] {
  return Object.entries(sources).flatMap(([id, source]) => {
    const section = doc.first(tag("section", { "aria-labelledby": `source-${id}` }));
    if (section === null) return [`no section for the source "${id}"`];
    const details = new Map<string, string>();
    let term = "";
    for (const item of within(section, (element: Element) => ["dt", "dd"].includes(element.name))) {
      if (item.name === "dt") term = normalise(text(item)).trim();
      else details.set(term, normalise(text(item)).trim());
    }
    const problems: string[] = [];
    for (const field of ["url", "retrievedOn"] as const) {
      const entry = source[field];
      const shown = details.get(names[field]);
      const wanted = entry.placeholder
        ? names.placeholder(entry.value[language] ?? "")
        : entry.value;
      if (shown === undefined) problems.push(`${id}: no "${names[field]}"`);
      else if (
        field === "retrievedOn" && !entry.placeholder ? shown.includes("[") : shown !== wanted
      )
        problems.push(`${id}: "${names[field]}" shows "${shown}", not "${wanted}"`);
    }
    const publisher = [...details.values()][0] ?? "";
    if (!source.publisher.confirmed && !publisher.includes(names.unconfirmed)) {
      problems.push(`${id}: the publisher is not marked as to be confirmed`);
    }
    return problems;
  });
}

/** Parses a snippet of HTML as a page of the given language, for the bad inputs of the tests. */
export function snippet(language: Language, main: string, title = "Seite – Website"): ParsedPage {
  return parseHtml(
    `<html lang="${language}"><head><title>${title}</title></head><body><main>${main}</main></body></html>`,
  );
}

/** Elements whose text is code or data, not prose: a straight quote there is right. */
const notProse = new Set(["script", "style", "code", "pre", "kbd", "samp"]);

/**
 * A built page's prose by language: for the page and for every element marked with a `lang` of
 * its own, the text that stands in that language (a marked part inside it left out, as a space),
 * with the page's title; the description's words count in the page's language. Code, scripts
 * and web addresses are left out: their straight quotes are right.
 */
export function proseByLanguage(doc: ParsedPage): { lang: string; text: string }[] {
  const runs: { lang: string; text: string }[] = [];
  const visit = (node: AnyNode, run: { lang: string; text: string }): void => {
    if (isText(node)) {
      run.text += textContent(node);
      return;
    }
    if (!isTag(node) || notProse.has(node.name)) return;
    const lang = getAttributeValue(node, "lang");
    if (lang !== undefined && lang !== run.lang) {
      const own = { lang, text: "" };
      runs.push(own);
      for (const child of node.children) visit(child, own);
      run.text += " ";
      return;
    }
    for (const child of node.children) visit(child, run);
    // The title and the body's blocks are texts of their own: words never run into each other.
    run.text += " ";
  };
  const root = doc.first(tag("html"));
  const page = {
    lang: (root === null ? undefined : getAttributeValue(root, "lang")) ?? "",
    text: "",
  };
  runs.unshift(page);
  if (root !== null) for (const child of root.children) visit(child, page);
  const description = doc.first(tag("meta", { name: "description" }));
  if (description !== null) page.text += ` ${getAttributeValue(description, "content") ?? ""}`;
  return runs.map(({ lang, text: words }) => ({
    lang,
    text: normalise(words.replace(/\b[a-z][\w+.-]*:\/\/\S+|\S+@\S+\.\w+/gi, " ")),
  }));
}

/** The quotation marks each language opens and closes a quotation with. */
const quotationMarks: Partial<Record<Language, { open: string; close: string; wrong: RegExp }>> = {
  // „…“; a straight quote or apostrophe, English quotes and the right double quote are wrong.
  de: { open: "„", close: "“", wrong: /["'”]/g },
  // “…” and ’ for the apostrophe; straight quotes and the German low quote are wrong.
  en: { open: "“", close: "”", wrong: /["'„]/g },
};

/**
 * Where a text in `language` uses a quotation mark or apostrophe that is not its own (a straight
 * `'` or `"` on a keyboard, another language's quotes), or opens a quotation it does not close:
 * English takes “…” and ’, German „…“; a language without marks listed here is not checked.
 * Each problem quotes the words around it.
 */
export function quotationMarkProblems(words: string, language: Language): string[] {
  const marks = quotationMarks[language];
  if (marks === undefined) return [];
  const { open, close, wrong } = marks;
  const around = (index: number) => `"${words.slice(Math.max(0, index - 25), index + 25).trim()}"`;
  const problems = [...words.matchAll(wrong)].map(
    (match) => `${match[0]} in ${around(match.index)}`,
  );
  let opened: number | undefined;
  for (let index = 0; index < words.length; index++) {
    const character = words[index];
    if (character === open) {
      if (opened !== undefined) problems.push(`${open} not closed in ${around(opened)}`);
      opened = index;
    } else if (character === close) {
      if (opened === undefined) problems.push(`${close} without ${open} in ${around(index)}`);
      opened = undefined;
    }
  }
  if (opened !== undefined) problems.push(`${open} not closed in ${around(opened)}`);
  return problems;
}
