import { describe, expect, it } from "vitest";
import {
  excerptOf,
  isLongEnough,
  maxWordCount,
  normaliseText,
  writeWordHashes,
} from "../../../src/checks/duplicates/normalise.ts";

const reference = "Die Kliniken der Region bilden jedes Jahr junge Menschen aus.";

describe("normaliseText", () => {
  it.each([
    ["different case", "DIE KLINIKEN der Region bilden jedes Jahr junge Menschen aus."],
    [
      "line wrapping and extra spaces",
      "Die Kliniken der Region\n  bilden jedes Jahr\tjunge   Menschen aus.",
    ],
    [
      "soft hyphens and zero-width characters",
      "Die Kli\u00ADniken der Re\u200Bgion bilden jedes Jahr junge Menschen aus.\uFEFF",
    ],
    [
      "emphasis and code ticks",
      "Die *Kliniken* der __Region__ bilden `jedes` Jahr junge Menschen aus.",
    ],
    [
      "links reduced to their text",
      "Die [Kliniken](https://example.org/kliniken) der [Region][r] bilden jedes Jahr junge Menschen aus.",
    ],
    ["HTML tags", "Die <strong>Kliniken</strong> der Region bilden jedes Jahr junge Menschen aus."],
    [
      "bracketed-span attributes",
      "Die [Kliniken]{lang=de} der Region bilden jedes Jahr junge Menschen aus. {.hinweis}",
    ],
    [
      "compatibility characters (NFKC)",
      "Die Kliniken der Region bilden jedes Jahr junge Menschen aus\uFF0E",
    ],
    [
      "character references",
      "Die Kliniken der&#32;Region bilden jedes Jahr junge&nbsp;Menschen aus.",
    ],
  ])("ignores %s", (_, variant) => {
    expect(normaliseText(variant)).toBe(normaliseText(reference));
  });

  it("makes typographic quotes and dashes plain", () => {
    expect(normaliseText("„Zukunft der Gesundheit“ – ‚kurz‘ gesagt")).toBe(
      normaliseText("\"Zukunft der Gesundheit\" - 'kurz' gesagt"),
    );
  });

  it("keeps shortcodes as they are, apart from their spacing", () => {
    expect(normaliseText('Es gibt {%fact "nrw.employees"  %} Beschäftigte.')).toBe(
      'es gibt {% fact "nrw.employees" %} beschäftigte.',
    );
    expect(normaliseText('Es gibt {% fact "nrw.employees" %} Beschäftigte.')).not.toBe(
      normaliseText('Es gibt {% fact "nrw.firms" %} Beschäftigte.'),
    );
  });

  it("still tells different words apart", () => {
    expect(normaliseText(reference)).not.toBe(
      normaliseText("Die Kliniken der Region bilden jedes Jahr viele Menschen aus."),
    );
  });
});

function wordHashes(text: string): Uint32Array {
  const target = new Uint32Array(maxWordCount(text) + 1);
  target.fill(7);
  const count = writeWordHashes(text, target, 1);
  expect(target[0]).toBe(7);
  return target.subarray(1, 1 + count);
}

describe("writeWordHashes", () => {
  it("counts joined words and a shortcode as one word each", () => {
    const words = wordHashes(
      normaliseText('Berlin-Brandenburg hat 21.400 Firmen, {% fact "a b" %} – ja.'),
    );
    expect(words).toHaveLength(6);
  });

  it("finds no more words than maxWordCount allows for", () => {
    expect(wordHashes("a b c d")).toHaveLength(maxWordCount("a b c d"));
  });

  it("does not count a full stop at the end of the text as part of the last word", () => {
    expect(wordHashes("das ist alles.")).toEqual(wordHashes("das ist alles"));
  });

  it("tells shortcodes with different arguments apart", () => {
    const [first] = wordHashes('beschäftigte{% fact "nrw.employees" %}');
    const [, withFact] = wordHashes('beschäftigte{% fact "nrw.employees" %}');
    const [, otherFact] = wordHashes('beschäftigte{% fact "nrw.firms" %}');
    expect(first).toBe(wordHashes("beschäftigte")[0]);
    expect(withFact).not.toBe(otherFact);
  });

  it("gives the same word the same hash", () => {
    const [first, , third] = wordHashes("region und region");
    expect(first).toBe(third);
  });
});

describe("isLongEnough", () => {
  it("leaves out headings, dates and names", () => {
    for (const text of [
      "kontakt",
      "stand: 1. märz 2025",
      "dr. anna beispiel, referat gesundheitswirtschaft",
    ]) {
      expect(isLongEnough(normaliseText(text))).toBe(false);
    }
  });

  it("accepts a sentence of eight words and fifty characters", () => {
    expect(
      isLongEnough(normaliseText("Die Pflegedienste versorgen täglich Menschen in ihrer Wohnung.")),
    ).toBe(true);
  });

  it("needs enough words, not only enough characters", () => {
    expect(
      isLongEnough(
        normaliseText("Gesundheitswirtschaftsförderungsgesellschaft Berlin-Brandenburg mbH"),
      ),
    ).toBe(false);
  });
});

describe("excerptOf", () => {
  it("shows the text without markup, cut at a word boundary", () => {
    const excerpt = excerptOf(
      "Die *ambulanten* Pflegedienste der [Region](/de/region/) versorgen jeden Tag mehrere tausend Menschen in ihrer Wohnung.",
    );
    expect(excerpt).toBe(
      "Die ambulanten Pflegedienste der Region versorgen jeden Tag mehrere tausend …",
    );
  });
});
