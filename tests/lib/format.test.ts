import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/lib/data/schemas.ts";
import {
  factMagnitude,
  formatCompactNumber,
  formatDate,
  formatFact,
  formatNumber,
  formatPercent,
  keepTogether,
  type Translate,
} from "../../src/lib/format.ts";

const label = { de: "Testwert", en: "Test value" };
const quote = "fast 370.000";
const patterns: Record<string, Record<string, string>> = {
  de: {
    "facts.qualifier.about": "etwa {{value}}",
    "facts.qualifier.almost": "fast {{value}}",
    "facts.qualifier.moreThan": "mehr als {{value}}",
    "facts.unit.euro": "{{amount}}\u00a0€",
    "facts.unit.fraction": "{{numerator}} von {{denominator}}",
    "facts.easy.qualifier.almost": "fast {{value}}",
    "facts.easy.qualifier.moreThan": "mehr als {{value}}",
    "facts.easy.qualifier.approximately": "ungefähr {{value}}",
    "facts.easy.unit.euro": "{{amount}} Euro",
  },
  en: {
    "facts.qualifier.about": "about {{value}}",
    "facts.qualifier.almost": "almost {{value}}",
    "facts.qualifier.moreThan": "more than {{value}}",
    "facts.unit.euro": "€{{amount}}",
    "facts.unit.fraction": "{{numerator}} in {{denominator}}",
    "facts.easy.qualifier.approximately": "about {{value}}",
    "facts.easy.unit.euro": "{{amount}} euros",
  },
};

function translateIn(language: "de" | "en"): Translate {
  return (key, values = {}) =>
    (patterns[language]?.[key] ?? `missing ${key}`).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(values[name]),
    );
}

describe("formatNumber", () => {
  it("groups thousands with a dot in German and a comma in English", () => {
    expect(formatNumber(370_000, "de")).toBe("370.000");
    expect(formatNumber(370_000, "en")).toBe("370,000");
  });
});

describe("formatCompactNumber", () => {
  it("writes millions in words with the language's decimal separator", () => {
    expect(formatCompactNumber(1_100_000, "de")).toBe("1,1 Millionen");
    expect(formatCompactNumber(1_100_000, "en")).toBe("1.1 million");
  });
});

describe("formatPercent", () => {
  it("puts a space before the percent sign in German only", () => {
    // Intl keeps number and sign together with a no-break space.
    expect(formatPercent(0.8, "de")).toBe("80\u00a0%");
    expect(formatPercent(0.8, "en")).toBe("80%");
  });
});

describe("formatDate", () => {
  it("writes an ISO date as readers of the language write it", () => {
    expect(formatDate("2026-11-22", "de")).toBe("22. November 2026");
    expect(formatDate("2026-11-22", "en")).toBe("22 November 2026");
  });
});

describe("formatFact", () => {
  it("keeps the source's hedge on a count", () => {
    const fact: Fact = {
      kind: "count",
      value: 370_000,
      notation: "standard",
      qualifier: "almost",
      source: "s",
      label,
      quote,
    };
    expect(formatFact(fact, "de", translateIn("de"))).toBe("fast 370.000");
    expect(formatFact(fact, "en", translateIn("en"))).toBe("almost 370,000");
  });

  it("writes large amounts of euros as German and English readers expect", () => {
    const fact: Fact = { kind: "euro", value: 58_000_000_000, source: "s", label, quote };
    expect(formatFact(fact, "de", translateIn("de"))).toBe("58\u00a0Mrd.\u00a0€");
    expect(formatFact(fact, "en", translateIn("en"))).toBe("€58 billion");
  });

  it("writes a compact count in words", () => {
    const fact: Fact = {
      kind: "count",
      value: 1_100_000,
      notation: "compact",
      qualifier: "moreThan",
      source: "s",
      label,
      quote,
    };
    expect(formatFact(fact, "de", translateIn("de"))).toBe("mehr als 1,1 Millionen");
    expect(formatFact(fact, "en", translateIn("en"))).toBe("more than 1.1 million");
  });

  it("writes a fraction as one in so many", () => {
    const fact: Fact = {
      kind: "fraction",
      numerator: 1,
      denominator: 6,
      qualifier: "about",
      source: "s",
      label,
      quote,
    };
    expect(formatFact(fact, "de", translateIn("de"))).toBe("etwa 1 von 6");
    expect(formatFact(fact, "en", translateIn("en"))).toBe("about 1 in 6");
  });

  it("writes no abbreviation and no decimal for easy language, rounding towards what the hedge keeps true", () => {
    const revenue: Fact = {
      kind: "euro",
      value: 58_400_000_000,
      qualifier: "approximately",
      source: "s",
      label,
      quote,
    };
    expect(formatFact(revenue, "de", translateIn("de"), "easy")).toBe(
      "ungefähr 58 Milliarden Euro",
    );
    expect(formatFact(revenue, "en", translateIn("en"), "easy")).toBe("about 58 billion euros");
    const count = (value: number, qualifier?: Fact["qualifier"]): Fact => ({
      kind: "count",
      value,
      notation: "compact",
      ...(qualifier === undefined ? {} : { qualifier }),
      source: "s",
      label,
      quote,
    });
    // "Mehr als 1,1 Millionen" stays true as "mehr als 1 Million", never "mehr als 2".
    expect(formatFact(count(1_900_000, "moreThan"), "de", translateIn("de"), "easy")).toBe(
      "mehr als 1 Million",
    );
    // "Fast 1,1 Millionen" is below 1.1 million, so below 2 million, never "fast 1 Million".
    expect(formatFact(count(1_100_000, "almost"), "de", translateIn("de"), "easy")).toBe(
      "fast 2 Millionen",
    );
    // Without a hedge, rounding would change the figure: the decimal stays.
    expect(formatFact(count(1_100_000), "de", translateIn("de"), "easy")).toBe("1,1 Millionen");
    expect(formatFact(count(1_100_000, "moreThan"), "de", translateIn("de"))).toBe(
      "mehr als 1,1 Millionen",
    );
  });

  it("writes a year without a thousands separator", () => {
    const fact: Fact = { kind: "year", value: 2020, source: "s", label, quote };
    expect(formatFact(fact, "de", translateIn("de"))).toBe("2020");
  });
});

describe("factMagnitude", () => {
  it("gives the number a chart draws, and none for a year", () => {
    expect(
      factMagnitude({ kind: "fraction", numerator: 1, denominator: 4, source: "s", label, quote }),
    ).toBe(0.25);
    expect(factMagnitude({ kind: "year", value: 2020, source: "s", label, quote })).toBeUndefined();
    expect(factMagnitude({ kind: "percent", value: 0.8, source: "s", label, quote })).toBe(0.8);
  });
});

describe("keepTogether", () => {
  it("binds a hedge to its number and a number to its unit, so no line parts them", () => {
    expect(keepTogether("mehr als 1,1 Millionen")).toBe("mehr\u00a0als\u00a01,1\u00a0Millionen");
    expect(keepTogether("etwa 1 von 6")).toBe("etwa\u00a01\u00a0von\u00a06");
    expect(keepTogether("58\u00a0Mrd.\u00a0€")).toBe("58\u00a0Mrd.\u00a0€");
  });
});
