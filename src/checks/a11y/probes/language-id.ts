/** Which language a text is in, with eld (Efficient Language Detector). */

interface Detection {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}

interface Detector {
  detect(text: string): Detection;
}

let detector: Promise<Detector> | undefined;

/**
 * The detector, loaded once per process: its smallest database, which tells the languages of
 * paragraphs apart as well as the larger ones here and loads in a third of their time.
 */
export function languageDetector(): Promise<Detector> {
  detector ??= import("eld/extrasmall").then((module) => module.eld as Detector);
  return detector;
}

/** Texts shorter than this many letters are not judged: names and short phrases mislead. */
export const MIN_LETTERS = 60;

/** How much more the detected language must score than the declared one (scores 0 to 1). */
const MARGIN = 0.1;

/** What the detector says of a text, against the language declared for it. */
export type LanguageVerdict =
  | { verdict: "declared" }
  | { verdict: "other"; language: string }
  /** Too short, or no language stands out clearly enough to tell. */
  | { verdict: "unsure"; why: string };

/**
 * Whether a text is in `declared` (a primary subtag such as "de"): only when the detector is
 * sure either way, and for an other language only when it scores clearly above `declared`.
 */
export function judgeLanguage(detector: Detector, text: string, declared: string): LanguageVerdict {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) {
    return {
      verdict: "unsure",
      why: `it has ${letters} letters, fewer than the ${MIN_LETTERS} needed`,
    };
  }
  const result = detector.detect(text);
  if (result.language === "" || !result.isReliable()) {
    return { verdict: "unsure", why: "no language stands out in it" };
  }
  if (result.language === declared) return { verdict: "declared" };
  const scores = result.getScores();
  const margin = (scores[result.language] ?? 0) - (scores[declared] ?? 0);
  return margin >= MARGIN
    ? { verdict: "other", language: result.language }
    : {
        verdict: "unsure",
        why: `it reads nearly as much like ${result.language} as like ${declared}`,
      };
}

/**
 * The language a text is in, when the detector is sure and it is clearly not `declared`;
 * null when the text is in `declared`, too short, or unclear.
 */
export function otherLanguage(detector: Detector, text: string, declared: string): string | null {
  const judged = judgeLanguage(detector, text, declared);
  return judged.verdict === "other" ? judged.language : null;
}
