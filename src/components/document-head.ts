import { absoluteUrl } from "../lib/base-url.ts";
import { html, type Html } from "../lib/html.ts";
import { languages, type Language } from "../lib/languages.ts";
import { stylesheetUrl } from "../lib/stylesheet.ts";

/** Parameters of the document head. */
export interface DocumentHeadProps {
  /** The `<title>`. */
  title: string;
  /** What search engines and link previews show of the page. */
  description: string;
  /** The page's own path; the canonical URL is made from it. */
  canonicalPath: string;
  /** The page in every language, written as hreflang alternates. */
  alternates: Partial<Record<Language, { url: string }>>;
  /** The page for readers of none of the languages (`hreflang="x-default"`). */
  xDefaultPath: string;
  /** Keeps the page out of search indexes. */
  noindex: boolean;
  /** The content security policy for the meta tag; undefined leaves the tag out. */
  contentSecurityPolicy: string | undefined;
  /** The site's origin: every address in the head is absolute. */
  baseUrl: string;
}

/**
 * The document head: content security policy, charset, viewport, title, description,
 * canonical URL, hreflang alternates (absolute, every language plus x-default), stylesheet
 * and icon.
 */
export function documentHead(props: DocumentHeadProps): Html {
  const absolute = (pathname: string) => absoluteUrl(pathname, props.baseUrl);
  const policy = props.contentSecurityPolicy;
  const alternates = languages.flatMap((language) => {
    const twin = props.alternates[language];
    return twin === undefined
      ? []
      : [
          html`
    <link rel="alternate" hreflang="${language}" href="${absolute(twin.url)}">`,
        ];
  });
  // The policy comes first: whatever stands before it in <head> would load or run unguarded.
  return html`${
    policy !== undefined &&
    html`<meta http-equiv="Content-Security-Policy" content="${policy}">
    `
  }<meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${props.title}</title>
    <meta name="description" content="${props.description}">${
      props.noindex &&
      html`
    <meta name="robots" content="noindex">`
    }
    <link rel="canonical" href="${absolute(props.canonicalPath)}">${alternates}
    <link rel="alternate" hreflang="x-default" href="${absolute(props.xDefaultPath)}">
    <link rel="stylesheet" href="${stylesheetUrl}">
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">`;
}
