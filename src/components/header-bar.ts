import { html, joinLanguageParts, type Html } from "../lib/html.ts";
import { directionOf, sourceLanguage } from "../lib/languages.ts";

/** Parameters of the header bar. */
export interface HeaderBarProps {
  /** Whether the publisher is confirmed (`isOfficialSite`): only then does the bar claim it. */
  official: boolean;
  /**
   * What the bar says, in each language the page speaks: the first is the page's language,
   * the others are marked with their `lang` (the root page speaks every language).
   */
  labels: readonly { language: string; official: string; unofficial: string }[];
}

/** The flag KERN's header bar shows beside "Offizielle Website", drawn inline (no image request). */
const flag = html`<span class="kern-kopfzeile__flagge" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 16" focusable="false"><path fill="#000" d="M0 .5h24v5.333H0z"/><path fill="red" d="M0 5.833h24v5.333H0z"/><path fill="#FACA2C" d="M0 11.167h24V16.5H0z"/></svg></span>`;

/**
 * KERN's header bar (`kern-kopfzeile`), the strip at the very top that tells readers whether
 * they are on an official site of the German administration. KERN ships it as a web component;
 * here its markup is written at build time, so the page needs no script. With the publisher
 * not yet confirmed the bar says so instead, without the flag.
 */
export function headerBar({ official, labels }: HeaderBarProps): Html {
  const pageDirection = directionOf(labels[0]?.language ?? sourceLanguage);
  const parts = labels.map((label, index) => ({
    lang: index === 0 ? undefined : label.language,
    dir: directionOf(label.language) === pageDirection ? undefined : directionOf(label.language),
    content: official ? label.official : label.unofficial,
  }));
  return html`<div class="kern-kopfzeile">
        <div class="page-width">
          <div class="kern-kopfzeile__content">
            ${official && flag}<span class="kern-kopfzeile__label">${joinLanguageParts(parts)}</span>
          </div>
        </div>
      </div>`;
}
