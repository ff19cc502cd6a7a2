import type { CoverageExtent, WcagCoverage } from "../lib/data/wcag-coverage.ts";
import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";

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
 * The accessibility statement's "how it was tested" section: the WCAG 2.2 A/AA success
 * criteria grouped by how far the accessibility gate tests them, drawn from the same map the
 * gate reports against, so the statement never claims more than the gate does.
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
                html`<li>${criterion.id} ${criterion.title[language]} (${t("coverage.level", { level: criterion.level })})</li>`,
            )}
          </ul>`,
      )}
    </section>`;
}
