import { projectFiles } from "./project.ts";

/** How long an accessibility statement may go without review before the build warns. */
export const statementReviewMonths = 12;

/**
 * A warning when the accessibility statement's last review (`site.accessibility.reviewedOn`,
 * an ISO date) is more than `statementReviewMonths` months before `today`; undefined otherwise.
 * `today` is a parameter so that the build's clock only decides whether to warn and never
 * reaches the pages.
 */
export function statementReviewWarning(reviewedOn: string, today: Date): string | undefined {
  const [year, month, day] = reviewedOn.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const due = Date.UTC(year, month - 1 + statementReviewMonths, day);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (todayUtc <= due) return undefined;
  return `${projectFiles.dataModule("site")} (accessibility.reviewedOn): warning: the accessibility statement was last reviewed on ${reviewedOn}, more than ${statementReviewMonths} months ago; review it and set the date of the review`;
}
