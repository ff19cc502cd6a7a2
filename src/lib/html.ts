const replacements: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => replacements[character] ?? character);
}

/**
 * Markup that may be inserted as it is: made by `html`, or handed over with `trustedHtml`.
 * Everything else a component inserts is text and gets escaped.
 */
export class Html {
  constructor(readonly markup: string) {}
}

/** What a component may insert: markup, text (escaped), lists of either, or nothing. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function insert(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined || typeof value === "boolean") return "";
  return value.map(insert).join("");
}

/**
 * Writes markup with the values in it escaped, the way Nunjucks' autoescape does, so that
 * no text from data, locales or front matter can become markup:
 * `html`<a href="${url}">${name}</a>``. `false`, `null` and `undefined` insert nothing, for
 * optional parts: `${noindex && html`<meta name="robots" content="noindex">`}`.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    markup += insert(value) + (strings[index + 1] ?? "");
  });
  return new Html(markup);
}

/** Markup made elsewhere and already safe, such as a page's rendered Markdown. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/**
 * Text with phrases in another language marked as such (WCAG 3.1.2), the rest escaped:
 * `markLanguage("Download kennzahlen.csv", [{ phrase: "kennzahlen.csv", lang: "de" }])` is
 * `Download <span lang="de">kennzahlen.csv</span>`. Every occurrence of each phrase is marked.
 */
export function markLanguage(
  text: string,
  phrases: readonly { phrase: string; lang: string }[],
): Html {
  const langs = new Map(
    phrases.filter(({ phrase }) => phrase !== "").map((p) => [p.phrase, p.lang]),
  );
  if (langs.size === 0) return html`${text}`;
  // Longest first, so a phrase inside a longer one never takes its place.
  const alternatives = [...langs.keys()]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  let markup = "";
  let last = 0;
  for (const match of text.matchAll(new RegExp(alternatives.join("|"), "g"))) {
    markup += `${escapeHtml(text.slice(last, match.index))}${html`<span lang="${langs.get(match[0])}">${match[0]}</span>`.markup}`;
    last = match.index + match[0].length;
  }
  return new Html(markup + escapeHtml(text.slice(last)));
}

/** One language's words in a line of several languages: `lang` unless in the page's language. */
export interface LanguagePart {
  lang?: string;
  /** The part's writing direction where it differs from the page's (`rtl` in a German page). */
  dir?: string;
  content: HtmlValue;
}

/**
 * The same words in several languages: "Gesundheitswirtschaft · Health economy". Each language's
 * part is an element of its own (`language-part`, marked with its `lang`), which the stylesheet
 * keeps whole on a line where there is room and puts on a line of its own on a phone, hiding
 * the dot (`language-separator`). The dot is bound to the part before it by a no-break space,
 * so no line begins with it; a plain space after it keeps the parts apart when it is hidden.
 */
export function joinLanguageParts(parts: readonly LanguagePart[]): Html {
  return html`${parts.map(
    (part, index) =>
      html`${index > 0 && html`<span class="language-separator">\u00a0·</span> `}<span class="language-part"${part.lang !== undefined && html` lang="${part.lang}"`}${part.dir !== undefined && html` dir="${part.dir}"`}>${part.content}</span>`,
  )}`;
}
