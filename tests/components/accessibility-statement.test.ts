import { describe, expect, it } from "vitest";
import publisherData from "../../data/publisher.ts";
import {
  accessibilityStatement,
  feedbackId,
} from "../../src/components/accessibility-statement.ts";
import { publisherModule, type Site } from "../../src/lib/data/schemas.ts";
import { formatDate } from "../../src/lib/format.ts";
import { html } from "../../src/lib/html.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { echo } from "./support.ts";

const publisher = publisherModule.parse(publisherData);

const accessibility: Site["accessibility"] = {
  status: "full",
  evaluatedOn: "2025-03-01",
  evaluationMethod: "externalAudit",
  knownBarriers: ["signLanguageVideo"],
  reviewedOn: "2025-04-02",
};

function statement(overrides: Partial<Parameters<typeof accessibilityStatement>[0]> = {}) {
  return parseHtml(
    accessibilityStatement({
      language: "en",
      accessibility,
      publisher,
      content: html`<h2>How the website was tested</h2>`,
      t: echo,
      externalLinkMarker: "(external link)",
      ...overrides,
    }).markup,
  );
}

describe("accessibility statement", () => {
  const page = statement();
  const all = page.all(() => true).map((element) => text(element));

  it("states the compliance status, the known barriers and the evaluation given in the data", () => {
    expect(all).toContain(
      `[accessibility.statusSentence ${JSON.stringify({ status: "[accessibility.status.full]" })}]`,
    );
    expect(page.all(tag("li")).map((item) => text(item))).toEqual([
      "[accessibility.barrier.signLanguageVideo]",
    ]);
    expect(all).toContain("[accessibility.method.externalAudit]");
    expect(all).toContain(formatDate("2025-03-01", "en"));
    expect(all).toContain(formatDate("2025-04-02", "en"));
  });

  it("says so when no barrier is known", () => {
    const none = statement({ accessibility: { ...accessibility, knownBarriers: [] } });
    expect(none.all(tag("li"))).toEqual([]);
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
