import { findNestingProblems } from "../../lib/i18n-nesting.ts";
import { languages } from "../../lib/languages.ts";
import { inBrokenFile, locationOf, type Locales, textsIn } from "../../lib/locale-texts.ts";
import type { Finding } from "../../lib/translation-findings.ts";

/**
 * `$t(key)` references inside locale texts, with the build's own rules: each must name an
 * existing text of its language, without loops. One finding per problem, at the text holding it.
 */
export function checkNesting(locales: Locales): Finding[] {
  return languages.flatMap((language) => {
    const texts = textsIn(locales, language);
    const values = new Map([...texts].map(([key, text]) => [key, text.value]));
    return findNestingProblems(values).flatMap((problem): Finding[] => {
      const text = texts.get(problem.key);
      if (text === undefined || inBrokenFile(locales, problem.key)) return [];
      return [
        {
          severity: "error",
          rule: "unknown-key",
          location: locationOf(text),
          message: problem.message,
        },
      ];
    });
  });
}
