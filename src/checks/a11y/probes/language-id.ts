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

/**
 * The language a text is in, when the detector is sure and it is clearly not `declared`
 * (a primary subtag such as "de"); null when the text is in `declared`, too short, or unclear.
 */
export function otherLanguage(detector: Detector, text: string, declared: string): string | null {
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const result = detector.detect(text);
  if (result.language === "" || result.language === declared || !result.isReliable()) return null;
  const scores = result.getScores();
  const margin = (scores[result.language] ?? 0) - (scores[declared] ?? 0);
  return margin >= MARGIN ? result.language : null;
}
