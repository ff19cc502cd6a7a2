import { contrastProbe } from "./contrast.ts";
import { cspMetaProbe } from "./csp-meta.ts";
import { focusNotObscuredProbe } from "./focus-not-obscured.ts";
import { focusVisibleProbe } from "./focus-visible.ts";
import { forcedColorsProbe } from "./forced-colors.ts";
import { headingsProbe } from "./headings.ts";
import { hoverContentProbe } from "./hover-content.ts";
import { keyboardProbe } from "./keyboard.ts";
import { languageProbe } from "./language.ts";
import { linkPurposeProbe } from "./link-purpose.ts";
import { meaningProbe } from "./meaning.ts";
import { motionProbe } from "./motion.ts";
import { nonTextContrastProbe } from "./non-text-contrast.ts";
import { imagesOfTextProbe } from "./ocr.ts";
import { printProbe } from "./print.ts";
import { readerLayoutProbe } from "./reader-layout.ts";
import { reflowProbe } from "./reflow.ts";
import { resizeTextProbe } from "./resize-text.ts";
import { rtlLayoutProbe } from "./rtl-layout.ts";
import { SCRIPT_EXECUTION_RULE } from "./script-execution.ts";
import {
  consistentHelpProbe,
  consistentIdentificationProbe,
  consistentNavigationProbe,
  pageTitleProbe,
} from "./site.ts";
import { skipLinkProbe } from "./skip-link.ts";
import { targetSizeProbe } from "./target-size.ts";
import { textSpacingProbe } from "./text-spacing.ts";
import type { PageProbe, SiteProbe } from "./types.ts";

/**
 * The probes run in each page's tab, in this order: motion first, before any probe stops
 * animations; then those that only read the page or give elements states by attributes; then
 * those that move focus, change media or styles (each undoes its changes), reflow last as it
 * changes the viewport.
 */
export const PAGE_PROBES: readonly PageProbe[] = [
  cspMetaProbe,
  motionProbe,
  languageProbe,
  headingsProbe,
  meaningProbe,
  linkPurposeProbe,
  targetSizeProbe,
  contrastProbe,
  nonTextContrastProbe,
  imagesOfTextProbe,
  hoverContentProbe,
  skipLinkProbe,
  keyboardProbe,
  focusVisibleProbe,
  focusNotObscuredProbe,
  forcedColorsProbe,
  printProbe,
  textSpacingProbe,
  resizeTextProbe,
  rtlLayoutProbe,
  readerLayoutProbe,
  reflowProbe,
];

/** The probes that compare the pages of a language with each other. */
export const SITE_PROBES: readonly SiteProbe[] = [
  pageTitleProbe,
  consistentNavigationProbe,
  consistentIdentificationProbe,
  consistentHelpProbe,
];

/** The probe's rule for a page that did not load or answered with an error status. */
export const HTTP_STATUS_RULE = "http-status";

/** Every rule the gate's own probes report, for the coverage map. */
export function probeRules(): string[] {
  return [
    HTTP_STATUS_RULE,
    SCRIPT_EXECUTION_RULE,
    ...[...PAGE_PROBES, ...SITE_PROBES].flatMap((probe) => probe.rules),
  ];
}

/** The WCAG criteria each of the probes' rules tests, by rule ([] for none), for the coverage map. */
export function probeCriteria(): Map<string, readonly string[]> {
  const criteria = new Map<string, readonly string[]>([[HTTP_STATUS_RULE, []]]);
  for (const probe of [...PAGE_PROBES, ...SITE_PROBES]) {
    for (const rule of probe.rules) criteria.set(rule, probe.criteria?.[rule] ?? []);
  }
  return criteria;
}
