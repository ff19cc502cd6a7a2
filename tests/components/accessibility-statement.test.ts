import { describe, expect, it } from "vitest";
import publisherData from "../../data/publisher.ts";
import coverageData from "../../data/wcag-coverage.ts";
import {
  accessibilityStatement,
  feedbackId,
} from "../../src/components/accessibility-statement.ts";
import { publisherModule, type Site } from "../../src/lib/data/schemas.ts";
import { wcagCoverageModule } from "../../src/lib/data/wcag-coverage.ts";
import { formatDate } from "../../src/lib/format.ts";
import { html } from "../../src/lib/html.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { echo } from "./support.ts";

const publisher = publisherModule.parse(publisherData);
const coverage = wcagCoverageModule.parse(coverageData);

const accessibility: Site["accessibility"] = {
  status: "full",
  evaluatedOn: "2025-03-01",
  evaluationMethod: "externalAudit",
  knownBarriers: ["signLanguageVideo"],
  reviewedOn: "2025-04-02",
};

function statement(
  overrides: Omit<Partial<Parameters<typeof accessibilityStatement>[0]>, "coverage"> = {},
) {
  return parseHtml(
    accessibilityStatement({
      language: "en",
      accessibility,
      publisher,
      coverage,
      content: html`<h2>How the website was tested</h2>`,
      t: echo,
      externalLinkMarker: "(external link)",
      ...overrides,
    }).markup,
  );
}

/** The known barriers the statement lists (the coverage section's lists are criteria). */
function barriers(page: ReturnType<typeof statement>): string[] {
  return page
    .all(tag("li"))
    .map((item) => text(item))
    .filter((item) => item.startsWith("[accessibility.barrier."));
}

describe("accessibility statement", () => {
  const page = statement();
  const all = page.all(() => true).map((element) => text(element));

  it("says how it was tested criterion by criterion, from the accessibility gate's coverage map", () => {
    const items = page.all(tag("li")).map((item) => text(item));
    for (const criterion of coverage.criteria) {
      expect(items.some((item) => item.startsWith(`${criterion.id} ${criterion.title.en}`))).toBe(
        true,
      );
    }
  });

  it("states the compliance status, the known barriers and the evaluation given in the data", () => {
    expect(all).toContain(
      `[accessibility.statusSentence ${JSON.stringify({ status: "[accessibility.status.full]" })}]`,
    );
    expect(barriers(page)).toEqual(["[accessibility.barrier.signLanguageVideo]"]);
    expect(all).toContain("[accessibility.method.externalAudit]");
    expect(all).toContain(formatDate("2025-03-01", "en"));
    expect(all).toContain(formatDate("2025-04-02", "en"));
  });

  it("says so when no barrier is known", () => {
    const none = statement({ accessibility: { ...accessibility, knownBarriers: [] } });
    expect(barriers(none)).toEqual([]);
    expect(none.all(() => true).map((element) => text(element))).toContain(
      "[accessibility.noKnownBarriers]",
    );
  });

  it("puts the publisher's contact details in the feedback section the footer links to", () => {
    expect(text(page.first(tag("h2", { id: feedbackId })))).toBe(
      "[accessibility.heading.feedback]",
    );
    expect(all).toContain(`[publisher.placeholder ${JSON.stringify({ value: "Email address" })}]`);
  });

  it("names the federal Schlichtungsstelle nach § 16 BGG by default, with a marked link to it", () => {
    expect(all).toContain("[accessibility.arbitration.federal.name]");
    const link = page.first(tag("a"));
    expect(attribute(link, "href")).toBe("https://www.schlichtungsstelle-bgg.de");
    expect(attribute(link, "rel")).toBe("external noreferrer");
    expect(text(link)).toContain("(external link)");
  });

  it("names the state's arbitration body, with its address, for a state body", () => {
    const state = statement({
      publisher: {
        ...publisher,
        arbitration: {
          ...publisher.arbitration,
          level: "state",
          state: {
            name: { placeholder: false, value: "Schlichtungsstelle des Landes" },
            address: { placeholder: false, value: "Musterstraße 1, 10115 Berlin" },
            webAddress: { placeholder: false, value: "https://schlichtung.example" },
          },
        },
      },
    });
    const texts = state.all(() => true).map((element) => text(element));
    expect(texts).toContain("Schlichtungsstelle des Landes");
    expect(texts).toContain("Musterstraße 1, 10115 Berlin");
    expect(texts).toContain("[accessibility.arbitration.state.procedure]");
    expect(texts).not.toContain("[accessibility.arbitration.federal.name]");
    expect(attribute(state.first(tag("a")), "href")).toBe("https://schlichtung.example");
  });
});
