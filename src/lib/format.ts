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

/**
 * How a fact is written: `standard` for the site's pages and data, `easy` for pages in Leichte
 * Sprache and easy read, which write no abbreviation ("58 Milliarden Euro", not "58 Mrd. €"), no
 * decimal number and plain hedges ("ungefähr", not "ca.").
 */
export type FactRegister = "standard" | "easy";

/**
 * A large number in words without decimals, for easy language: rounded towards what its hedge
 * keeps true ("mehr als 1,1 Millionen" → "mehr als 1 Million", "fast 1,9 Millionen" → "fast 2
 * Millionen", "ca. 58,4 Milliarden" → "ungefähr 58 Milliarden"). A figure without a hedge keeps
 * its decimal: rounded, it would say something else.
 */
function formatEasyCompactNumber(fact: Fact & { value: number }, language: Language): string {
  if (fact.qualifier === undefined) return formatCompactNumber(fact.value, language);
  const roundingMode =
    fact.qualifier === "over" || fact.qualifier === "moreThan"
      ? "floor"
      : fact.qualifier === "almost"
        ? "ceil"
        : "halfExpand";
  return new Intl.NumberFormat(intlLocale(language), {
    notation: "compact",
    compactDisplay: "long",
    maximumFractionDigits: 0,
    roundingMode,
  }).format(fact.value);
}

function formatFactValue(
  fact: Fact,
  language: Language,
  t: Translate,
  register: FactRegister,
): string {
  switch (fact.kind) {
    case "count":
      if (fact.notation !== "compact") return formatNumber(fact.value, language);
      return register === "easy"
        ? formatEasyCompactNumber(fact, language)
        : formatCompactNumber(fact.value, language);
    case "euro":
      return register === "easy"
        ? t("facts.easy.unit.euro", { amount: formatEasyCompactNumber(fact, language) })
        : t("facts.unit.euro", {
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
 * a figure the source gives as "fast 370.000" reads "almost 370,000" in English. The `easy`
 * register writes it for pages in Leichte Sprache and easy read ("ungefähr 58 Milliarden Euro").
 */
export function formatFact(
  fact: Fact,
  language: Language,
  t: Translate,
  register: FactRegister = "standard",
): string {
  const value = formatFactValue(fact, language, t, register);
  if (fact.qualifier === undefined) return value;
  return register === "easy"
    ? t(`facts.easy.qualifier.${fact.qualifier}`, { value })
    : t(`facts.qualifier.${fact.qualifier}`, { value });
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
