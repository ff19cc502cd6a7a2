import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import markdownIt, { type StateBlock, type StateCore, type Token } from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import markdownItBracketedSpans from "markdown-it-bracketed-spans";
import { timePage } from "../lib/build-clock.ts";
import { ContentError } from "../lib/errors.ts";
import type { Translator } from "../lib/i18n.ts";
import { splitPage } from "../lib/front-matter.ts";
import {
  shortcodePage,
  shortcodes,
  type BodyLocation,
  type ShortcodeEnv,
} from "../lib/shortcodes.ts";
import { createSlugger } from "../lib/slug.ts";
import { decodeUtf8 } from "../lib/source-files.ts";
import { pageFile, pageLanguage, withPage, type TemplateContext } from "./context.ts";

/** How links to other hosts are told apart and marked. */
export interface ExternalLinkOptions {
  /** The site's own address; links to any other host are external. */
  baseUrl: string;
  /** The marker's text for the page being rendered, whose data markdown-it gets as `env`. */
  markerText: (env: unknown) => string;
}

/** Whether a link leads to another host. Relative links (`/de/`, `#main`) stay on the site. */
export function leadsToOtherHost(href: string, baseUrl: string): boolean {
  if (!/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(href) || !URL.canParse(href, baseUrl)) return false;
  const target = new URL(href, baseUrl);
  return /^https?:$/.test(target.protocol) && target.origin !== new URL(baseUrl).origin;
}

function markerTokens(state: StateCore, text: string): Token[] {
  const open = new state.Token("span_open", "span", 1);
  open.attrSet("class", "visually-hidden");
  const content = new state.Token("text", "", 0);
  content.content = ` ${text}`;
  return [open, content, new state.Token("span_close", "span", -1)];
}

/** `{lang=en}` or `{lang="en"}`, with any other attributes in the block ignored. */
const attributeBlock = /^\{([^{}\n]*)\}/;
const langAttribute = /(?:^|\s)lang=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))/;

/** The inline element a closing token ends, found by walking back to its opening token. */
function openingOf(tokens: readonly Token[], closeIndex: number): Token | undefined {
  const close = tokens[closeIndex];
  let depth = 0;
  for (let index = closeIndex - 1; index >= 0; index--) {
    const token = tokens[index];
    if (token?.tag !== close?.tag) continue;
    if (token?.nesting === -1) depth++;
    else if (token?.nesting === 1 && depth-- === 0) return token;
  }
  return undefined;
}

/**
 * `[HealthCapital]{lang=en}` and `[Link](https://…){lang=en}`: a block in braces straight
 * after a bracketed span or a link gives it a `lang` attribute. Every other attribute in the
 * block (`onclick=…`, `.class`, `#id`) is dropped, and the block itself is never shown.
 * (markdown-it-attrs does this and far more, at a greater cost than markdown-it itself.)
 */
function langAttributes(md: markdownIt): void {
  md.core.ruler.push("lang_attributes", (state) => {
    for (const block of state.tokens) {
      const tokens = block.children;
      if (tokens === null) continue;
      tokens.forEach((token, index) => {
        const next = tokens[index + 1];
        if ((token.type !== "span_close" && token.type !== "link_close") || next?.type !== "text") {
          return;
        }
        const attributes = attributeBlock.exec(next.content);
        if (attributes === null) return;
        next.content = next.content.slice(attributes[0].length);
        const lang = langAttribute.exec(attributes[1] ?? "");
        const language = lang?.[1] ?? lang?.[2] ?? lang?.[3];
        if (language !== undefined) openingOf(tokens, index)?.attrSet("lang", language);
      });
    }
  });
}

/**
 * Marks every link to another host as such: `rel="external noreferrer"`, and a visually hidden
 * text inside the link, so screen readers announce it as part of the link's name.
 */
function markExternalLinks(md: markdownIt, options: ExternalLinkOptions): void {
  md.core.ruler.push("mark_external_links", (state) => {
    for (const block of state.tokens) {
      if (block.children === null) continue;
      const marked: Token[] = [];
      let external = false;
      for (const token of block.children) {
        if (token.type === "link_open") {
          external = leadsToOtherHost(token.attrGet("href") ?? "", options.baseUrl);
          if (external) token.attrSet("rel", "external noreferrer");
        } else if (token.type === "link_close" && external) {
          marked.push(...markerTokens(state, options.markerText(state.env)));
        }
        marked.push(token);
      }
      block.children = marked;
    }
  });
}

/** Markdown nested deeper than markdown-it renders; `line` is 0-based in the rendered text. */
export class NestingLimitError extends Error {
  readonly line: number;

  constructor(line: number, limit: number) {
    super(
      `blockquotes or lists are nested more than ${limit} levels deep here, and deeper levels would vanish from the page: nest them less deeply`,
    );
    this.name = "NestingLimitError";
    this.line = line;
  }
}

/**
 * markdown-it drops everything nested past its `maxNesting` without a word; this stops the
 * render instead, at the first line that would vanish.
 */
function refuseVanishingNesting(md: markdownIt): void {
  // markdown-it's default preset sets it; its types leave it out.
  const { maxNesting } = md.options as { maxNesting: number };
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    if (state.level >= maxNesting) {
      const line = state.skipEmptyLines(startLine);
      if (line < endLine && (state.sCount[line] ?? 0) >= state.blkIndent) {
        throw new NestingLimitError(line, maxNesting);
      }
    }
    tokenize(state, startLine, endLine);
  };
}

/**
 * The one Markdown configuration of the site:
 * - raw HTML is off, so nothing an editor types can run in a reader's browser; markdown-it also
 *   refuses `javascript:`, `vbscript:`, `file:` and `data:` link targets (except images);
 * - `[HealthCapital]{lang=en}` marks a phrase in another language (WCAG 3.1.2); `lang` is the only
 *   attribute editors can set this way (`{onclick=…}`, `{.class}`, `{#id}` are dropped);
 * - headings get stable ids from their text (umlauts transliterated: "Über uns" → `ueber-uns`),
 *   without the `tabindex` markdown-it-anchor would add;
 * - links to other hosts are marked for readers (see `markExternalLinks`);
 * - content nested too deeply to render stops the render (see `NestingLimitError`).
 */
export function createMarkdown(externalLinks: ExternalLinkOptions): markdownIt {
  const markdown = markdownIt({ html: false, linkify: false, typographer: false })
    .use(shortcodes)
    .use(markdownItBracketedSpans)
    .use(langAttributes)
    .use(markdownItAnchor, { slugify: createSlugger(), tabIndex: false })
    .use(markExternalLinks, externalLinks);
  refuseVanishingNesting(markdown);
  return markdown;
}

/**
 * Where a page's body starts in its file, for error messages only: the file is read (as UTF-8,
 * anything else stops the build) when a message first asks for the line, since reading every
 * page once more for it cost about 0.1 s per 1,000 pages.
 */
function bodyLocation(inputPath: string): BodyLocation {
  const file = path.normalize(inputPath);
  let bodyLine: number | undefined;
  return {
    file,
    get bodyLine() {
      bodyLine ??= splitPage(decodeUtf8(readFileSync(file), file)).bodyLine;
      return bodyLine;
    },
  };
}

/**
 * Registers the site's Markdown configuration with Eleventy. Pages are Markdown and nothing
 * else: no template engine ever runs them. Their `{% fact "id" %}` shortcodes are written in
 * as `factText`; any other template code stops the build (see `fillShortcodes`). The
 * external-link marker is `common.externalLink` in the page's language.
 *
 * The site's renderer is given to Eleventy as its Markdown library, not as an `addExtension("md")`
 * override: Eleventy 3.1.7 never hands an overriding engine its extension map, so `--incremental`
 * stopped with "missing `extensionMap` in TemplateEngine" on the first saved page.
 */
export default function markdownPlugin(
  eleventyConfig: UserConfig,
  options: {
    translator: Translator;
    baseUrl: string;
    factText: (context: TemplateContext, id: string) => string;
  },
) {
  const markerText = (env: unknown) => {
    const data = env as { lang?: unknown; page?: TemplateContext["page"] };
    const context: TemplateContext = { ctx: data, page: data.page };
    const language = pageLanguage(context);
    return withPage(context, () => options.translator.t(language, "common.externalLink"));
  };
  const markdown = createMarkdown({ baseUrl: options.baseUrl, markerText });
  eleventyConfig.setLibrary("md", {
    // Eleventy turns markdown-it's indented code blocks off through this, as on its own library.
    disable: (rules: string | string[]) => markdown.disable(rules),
    render(source: string, data: Record<string, unknown>): string {
      const page = data.page as TemplateContext["page"];
      const where = bodyLocation(pageFile({ page }));
      const factText = (id: string) => options.factText({ ctx: data, page }, id);
      // The page's data stays markdown-it's `env` (the link marker reads its language from it).
      const env: ShortcodeEnv = Object.create(data, {
        [shortcodePage]: { value: { where, factText } },
      }) as ShortcodeEnv;
      try {
        return timePage(where.file, () => markdown.render(source, env));
      } catch (error) {
        if (!(error instanceof NestingLimitError)) throw error;
        throw new ContentError(error.message, {
          file: where.file,
          line: where.bodyLine + error.line,
        });
      }
    },
  });
}
