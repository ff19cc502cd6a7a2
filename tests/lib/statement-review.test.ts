import { describe, expect, it } from "vitest";
import { statementReviewWarning } from "../../src/lib/statement-review.ts";

describe("statement review warning", () => {
  it("stays silent up to and including 12 months after the last review", () => {
    expect(statementReviewWarning("2026-11-25", new Date("2026-11-25T00:00:00Z"))).toBeUndefined();
    expect(statementReviewWarning("2026-11-25", new Date("2027-11-25T23:59:00Z"))).toBeUndefined();
  });

  it("warns the day after, naming the data field and the date of the last review", () => {
    expect(statementReviewWarning("2026-11-25", new Date("2027-11-26T00:00:00Z"))).toBe(
      "data/site.ts (accessibility.reviewedOn): warning: the accessibility statement was last reviewed on 2026-11-25, more than 12 months ago; review it and set the date of the review",
    );
  });

  it("counts a review on 29 February as due on 1 March of the next year", () => {
    expect(statementReviewWarning("2028-02-29", new Date("2029-03-01T12:00:00Z"))).toBeUndefined();
    expect(statementReviewWarning("2028-02-29", new Date("2029-03-02T00:00:00Z"))).toBeDefined();
  });
});
