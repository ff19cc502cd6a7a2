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
 * How many `$t(…)` steps a chain of texts may take. i18next follows references recursively,
 * and a chain thousands of texts long exhausts its stack while a page renders, where the
 * message could only name the page; a site's texts need a few steps at most.
 */
export const maxNestingDepth = 20;

/** The references of each text, resolved to the texts they name; unknown names are problems. */
function referenceGraph(
  texts: ReadonlyMap<string, unknown>,
  problems: NestingProblem[],
): Map<string, string[]> {
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
  return edges;
}

/**
 * Walks the references from every text (without recursion, so a long chain cannot exhaust the
 * stack): reports each loop once, at the text where it closes, and gives each text the length
 * of the longest chain of references starting at it and the next text on that chain.
 */
function walkReferences(
  edges: ReadonlyMap<string, string[]>,
  problems: NestingProblem[],
): Map<string, { depth: number; next?: string }> {
  const finished = new Map<string, { depth: number; next?: string }>();
  for (const start of edges.keys()) {
    if (finished.has(start)) continue;
    const path = [start];
    const cursors = [0];
    while (path.length > 0) {
      const key = path[path.length - 1] ?? "";
      const targets = edges.get(key) ?? [];
      const index = cursors[cursors.length - 1] ?? 0;
      if (index < targets.length) {
        cursors[cursors.length - 1] = index + 1;
        const target = targets[index] ?? "";
        const open = path.indexOf(target);
        if (open !== -1) {
          const loop = [...path.slice(open), target];
          problems.push({
            key: target,
            message: `the "$t(…)" references go round in a loop (${loop.join(" → ")}), so the text would come out empty: make one of them plain text`,
          });
        } else if (!finished.has(target)) {
          path.push(target);
          cursors.push(0);
        }
        continue;
      }
      let longest: { depth: number; next?: string } = { depth: 0 };
      for (const target of targets) {
        const depth = (finished.get(target)?.depth ?? 0) + 1;
        if (depth > longest.depth) longest = { depth, next: target };
      }
      finished.set(key, longest);
      path.pop();
      cursors.pop();
    }
  }
  return finished;
}

/** A chain spelt out by its first texts and its last: `a → b → c → … → z`. */
function describeChain(start: string, chains: ReadonlyMap<string, { next?: string }>): string {
  const keys = [start];
  for (let key = chains.get(start)?.next; key !== undefined; key = chains.get(key)?.next) {
    keys.push(key);
  }
  return keys.length <= 4
    ? keys.join(" → ")
    : [...keys.slice(0, 3), "…", keys[keys.length - 1]].join(" → ");
}

/**
 * Checks the `$t(key)` references of one language's texts (by full key): each must name a
 * text of the same language, following them must never lead back to where it started, and a
 * chain may take at most `maxNestingDepth` steps. i18next would otherwise show the raw key,
 * an empty text for a loop, or stop the build on a page with no word of which text.
 */
export function findNestingProblems(texts: ReadonlyMap<string, unknown>): NestingProblem[] {
  const problems: NestingProblem[] = [];
  const edges = referenceGraph(texts, problems);
  const chains = walkReferences(edges, problems);
  const tooDeep = [...chains].filter(([, chain]) => chain.depth > maxNestingDepth);
  const insideAnother = new Set(tooDeep.flatMap(([, chain]) => chain.next ?? []));
  for (const [key, chain] of tooDeep) {
    if (insideAnother.has(key)) continue;
    problems.push({
      key,
      message: `the "$t(…)" references take ${chain.depth} steps (${describeChain(key, chains)}), more than the ${maxNestingDepth} the site allows: write some of these texts out instead of inserting them`,
    });
  }
  return problems;
}
