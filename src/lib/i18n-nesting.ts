/** A `$t(key)` reference in a locale string that cannot be resolved. */
export interface NestingProblem {
  /** The full key of the text holding the reference, e.g. `common.footer`. */
  key: string;
  /** What is wrong, in words for translators. */
  message: string;
}

/** i18next's nesting: `$t(key)` or `$t(key, { "count": 2 })` inside a string. */
const nestingReference = /\$t\(\s*([^\s,()]+)\s*(?:,[^()]*)?\)/g;
const pluralSuffixes = ["zero", "one", "two", "few", "many", "other"];

/** The keys a string's `$t(…)` references name, in order. */
export function nestedReferences(value: string): string[] {
  return [...value.matchAll(nestingReference)].map((match) => match[1] ?? "");
}

/** The texts a reference resolves to: the key itself or, for a plural, its forms. */
function targetsOf(reference: string, texts: ReadonlyMap<string, unknown>): string[] {
  return [reference, ...pluralSuffixes.map((suffix) => `${reference}_${suffix}`)].filter(
    (key) => typeof texts.get(key) === "string",
  );
}

/**
 * Checks the `$t(key)` references of one language's texts (by full key): each must name a
 * text of the same language, and following them must never lead back to where it started.
 * i18next would otherwise show the raw key, or an empty text for a loop, on every page.
 */
export function findNestingProblems(texts: ReadonlyMap<string, unknown>): NestingProblem[] {
  const problems: NestingProblem[] = [];
  const edges = new Map<string, string[]>();
  for (const [key, value] of texts) {
    if (typeof value !== "string") continue;
    const targets: string[] = [];
    for (const reference of nestedReferences(value)) {
      const found = targetsOf(reference, texts);
      if (found.length === 0) {
        problems.push({
          key,
          message: `"$t(${reference})" names a text that does not exist in this language: correct the name or add the text`,
        });
      }
      targets.push(...found);
    }
    if (targets.length > 0) edges.set(key, targets);
  }
  const done = new Set<string>();
  const visit = (key: string, path: string[]): void => {
    const start = path.indexOf(key);
    if (start !== -1) {
      const loop = [...path.slice(start), key];
      problems.push({
        key,
        message: `the "$t(…)" references go round in a loop (${loop.join(" → ")}), so the text would come out empty: make one of them plain text`,
      });
      return;
    }
    if (done.has(key)) return;
    done.add(key);
    for (const target of edges.get(key) ?? []) visit(target, [...path, key]);
  };
  for (const key of edges.keys()) visit(key, []);
  return problems;
}
