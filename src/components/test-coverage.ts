import {
  checkTools,
  type CheckId,
  type CoverageExtent,
  type WcagCoverage,
} from "../lib/data/wcag-coverage.ts";
import { textIn } from "../lib/data/localized.ts";
import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";

// The checking tools name their rules in English, whatever languages the site has.
// eslint-disable-next-line project/no-language-literals -- the tools' language, not the site's
const ruleNamesLanguage = "en";

/** Parameters of the "how it was tested" section. */
export interface TestCoverageProps {
  /** The coverage map of `data/wcag-coverage.ts`: what the accessibility gate checks. */
  coverage: WcagCoverage;
  /** The page's language; criteria are named in it. */
  language: Language;
  /** UI strings in the page's language (`coverage.*`). */
  t: Translate;
}

const EXTENTS: readonly CoverageExtent[] = ["full", "partial", "manual"];

/**
 * The checks of a criterion, by tool: "axe (image-alt, …); own checks (image-alt-text)". The
 * rule names are English identifiers, marked as such for screen readers.
 */
function checksNamed(checks: readonly CheckId[], t: Translate): Html[] {
  const parts = checkTools.flatMap((tool) => {
    const rules = checks
      .filter((check) => check.startsWith(`${tool}:`))
      .map((check) => check.slice(tool.length + 1));
    return rules.length === 0
      ? []
      : [
          html`${t(`coverage.tool.${tool}`)} (<span lang="${ruleNamesLanguage}">${rules.join(", ")}</span>)`,
        ];
  });
  return parts.map((part, index) => (index === 0 ? part : html`; ${part}`));
}

/**
 * The accessibility statement's "how it was tested" section: the WCAG 2.2 A/AA success
 * criteria grouped by what the accessibility gate can say of them (passed where it decides
 * one fully; no failures found by the checks it names, which the list gives, where it tests
 * part of one; needs a person), drawn from the same map the gate reports against, so the
 * statement never claims more than the gate does.
 */
export function testCoverage({ coverage, language, t }: TestCoverageProps): Html {
  const groups = EXTENTS.map((extent) => ({
    extent,
    criteria: coverage.criteria.filter((criterion) => criterion.extent === extent),
  })).filter((group) => group.criteria.length > 0);
  return html`<section class="test-coverage" aria-labelledby="test-coverage">
      <h2 id="test-coverage">${t("coverage.heading")}</h2>
      <p>${t("coverage.intro", { total: coverage.criteria.length })}</p>
      ${groups.map(
        ({
          extent,
          criteria,
        }) => html`<h3>${t(`coverage.${extent}`, { count: criteria.length })}</h3>
          ${extent === "full" ? "" : html`<p>${t(`coverage.${extent}Note`)}</p>`}
          <ul>
            ${criteria.map(
              (criterion) =>
                html`<li>${criterion.id} ${textIn(criterion.title, language)} (${t("coverage.level", { level: criterion.level })})${
                  criterion.checks.length === 0
                    ? ""
                    : html`: ${t("coverage.checkedWith")} ${checksNamed(criterion.checks, t)}`
                }</li>`,
            )}
          </ul>`,
      )}
    </section>`;
}
