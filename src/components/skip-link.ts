import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";

/** The first focusable element: jumps past header and menus to `<main id="main">`. */
export function skipLink(t: Translate): Html {
  return html`<a class="skip-link" href="#main">${t("common.skipLink")}</a>`;
}
