import type { Publisher, Site } from "../lib/data/schemas.ts";
import { formatDate } from "../lib/format.ts";
import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import type { WcagCoverage } from "../lib/data/wcag-coverage.ts";
import { arbitrationBodyDetails, definitions, publisherContact } from "./publisher-contact.ts";
import { testCoverage } from "./test-coverage.ts";

/** The translation key of the accessibility statement's pages. */
export const statementKey = "accessibility";

/** The id of the statement's feedback section, which every page's footer links to. */
export const feedbackId = "feedback";

/** Parameters of the accessibility statement. */
export interface AccessibilityStatementProps {
  /** The page's language. */
  language: Language;
  /** What the statement says (`site.accessibility`). */
  accessibility: Site["accessibility"];
  /** Contact details and the arbitration body (`data/publisher.ts`). */
  publisher: Publisher;
  /** The page's own text: how the website was tested. */
  content: Html;
  /** What the accessibility gate checks, criterion by criterion (`data/wcag-coverage.ts`). */
  coverage: WcagCoverage;
  /** UI strings in the page's language. */
  t: Translate;
  /** Marks a link to another host for screen readers (`common.externalLink`). */
  externalLinkMarker: string;
}

/** The arbitration body for the publisher's level, federal (§ 16 BGG) or the state's own, and its procedure. */
function arbitrationBody(props: AccessibilityStatementProps): Html {
  const { t } = props;
  return html`${arbitrationBodyDetails({ ...props, labels: "statement" })}
<p>${
    props.publisher.arbitration.level === "federal"
      ? t("accessibility.arbitration.federal.procedure")
      : t("accessibility.arbitration.state.procedure")
  }</p>`;
}

/**
 * The accessibility statement after the EU model (2018/1523) and § 12b BGG, in the order readers
 * need it: the compliance status with the date and method of the evaluation, how to report a
 * barrier and where to turn after that (the arbitration body), what is not yet accessible and
 * why, and then how the site was tested (the page's own text and the criteria the gate checks,
 * the long part). Everything but the page's own text comes from typed data and locale strings.
 */
export function accessibilityStatement(props: AccessibilityStatementProps): Html {
  const { accessibility, publisher, language, t } = props;
  const barriers =
    accessibility.knownBarriers.length === 0
      ? html`<p>${t("accessibility.noKnownBarriers")}</p>`
      : html`<ul>${accessibility.knownBarriers.map(
          (barrier) => html`
  <li>${t(`accessibility.barrier.${barrier}`)}</li>`,
        )}
</ul>`;
  return html`<p>${t("accessibility.intro")}</p>
<h2 id="status">${t("accessibility.heading.status")}</h2>
<p>${t("accessibility.statusSentence", { status: t(`accessibility.status.${accessibility.status}`) })}</p>
${definitions("statement-dates", [
  [t("accessibility.evaluatedOn"), formatDate(accessibility.evaluatedOn, language)],
  [
    t("accessibility.evaluationMethod"),
    t(`accessibility.method.${accessibility.evaluationMethod}`),
  ],
  [t("accessibility.reviewedOn"), formatDate(accessibility.reviewedOn, language)],
])}
<h2 id="${feedbackId}">${t("accessibility.heading.feedback")}</h2>
<p>${t("accessibility.feedbackIntro")}</p>
${publisherContact({ language, publisher, t, labels: "statement" })}
<h2 id="arbitration">${t("accessibility.heading.arbitration")}</h2>
<p>${t("accessibility.arbitrationIntro")}</p>
${arbitrationBody(props)}
<h2 id="barriers">${t("accessibility.heading.barriers")}</h2>
${barriers}
${props.content}
<p>${t("accessibility.layoutChecks")}</p>
${testCoverage({ coverage: props.coverage, language, t })}`;
}
