import { languageInfo, type Language } from "./languages.ts";
import type { Fact } from "./data/schemas.ts";

/** The locale a language's figures and dates are written in (`intlLocale` in `data/languages.ts`). */
function intlLocale(language: Language): string {
  return languageInfo(language).intlLocale;
}

/** Looks up a UI string; the caller binds it to a language. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Formats a plain number the way readers of the language write it (370.000 / 370,000). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** Formats a large number in words (1,1 Millionen / 1.1 million). */
export function formatCompactNumber(
  value: number,
  language: Language,
  display: "short" | "long" = "long",
): string {
  return new Intl.NumberFormat(intlLocale(language), {
    notation: "compact",
    compactDisplay: display,
    maximumFractionDigits: 1,
  }).format(value);
}

/** Formats a share between 0 and 1 as a percentage (80 % / 80%). */
export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(value);
}

/** Formats an ISO date (`2026-11-22`) as readers of the language write it in prose. */
export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

function formatFactValue(fact: Fact, language: Language, t: Translate): string {
  switch (fact.kind) {
    case "count":
      return fact.notation === "compact"
        ? formatCompactNumber(fact.value, language)
        : formatNumber(fact.value, language);
    case "euro":
      return t("facts.unit.euro", {
        amount: formatCompactNumber(
          fact.value,
          language,
          languageInfo(language).compactMoneyDisplay,
        ),
      });
    case "percent":
      return formatPercent(fact.value, language);
    case "fraction":
      return t("facts.unit.fraction", {
        numerator: formatNumber(fact.numerator, language),
        denominator: formatNumber(fact.denominator, language),
      });
    case "year":
      return String(fact.value);
  }
}

/**
 * Formats a fact for running text in the given language, keeping the source's hedge:
 * a figure the source gives as "fast 370.000" reads "almost 370,000" in English.
 */
export function formatFact(fact: Fact, language: Language, t: Translate): string {
  const value = formatFactValue(fact, language, t);
  return fact.qualifier === undefined ? value : t(`facts.qualifier.${fact.qualifier}`, { value });
}

/**
 * Joins the words of a formatted figure with no-break spaces, so that a line never separates a
 * hedge from its number or a number from its unit ("fast 370.000", "etwa 1 von 6",
 * "58 Mrd. €"). For pages; data files keep plain spaces.
 */
export function keepTogether(text: string): string {
  return text.replace(/ /g, "\u00a0");
}

/** The number a chart draws for a fact, or undefined for facts that are not quantities. */
export function factMagnitude(fact: Fact): number | undefined {
  switch (fact.kind) {
    case "fraction":
      return fact.numerator / fact.denominator;
    case "year":
      return undefined;
    default:
      return fact.value;
  }
}
