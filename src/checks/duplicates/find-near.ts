import { compareLocated, scopeOf, type Located } from "./located.ts";
import { maxWordCount, writeWordHashes } from "./normalise.ts";
import { NEAR_SIMILARITY } from "./thresholds.ts";

/** Blocks whose wording is almost the same, with the lowest similarity found among them. */
export interface NearGroup {
  blocks: Located[];
  similarity: number;
}

interface DistinctText {
  scope: number;
  /** Where the hashes of the text's words stand in the word pool. */
  start: number;
  end: number;
  blocks: Located[];
}

// Candidate search: each text is summarised by the smallest hashes of its
// word triples (a bottom-k sketch). Texts that share at least two of them are
// compared in full. Triples found in many texts ("in der Region") point at
// no particular copy and are skipped, which keeps the work linear.
const SKETCH_SIZE = 8;
const MIN_SHARED_SKETCH = 2;
const MAX_TEXTS_PER_TRIPLE = 32;
const CANDIDATE_SHINGLE_SIZE = 3;
// Sketch entries and candidate pairs are packed into doubles: a 31-bit hash
// or text number times TEXT_SPAN plus a text number stays below 2^53.
const TEXT_SPAN = 2 ** 22;

/**
 * Finds blocks of the same kind of file and language that are nearly the
 * same, e.g. a paragraph repeated with a word changed. Identical blocks are
 * the exact finder's business and count as one text here.
 *
 * Similarity of two texts: the share of the longer text's word shingles
 * (sequences of k words) that also occur in the other. One changed word
 * removes k shingles, so k grows with the length of the longer text: 1 word
 * below 12 words, 2 below 24, 3 below 40, 4 below 60, else 5. With the
 * threshold of 0.8 (thresholds.ts) a paragraph with one word changed is
 * found from the minimum length on, a 20-word paragraph with two words
 * changed is not. The work grows linearly with the amount of text: no two
 * blocks are compared unless their sketches already agree.
 */
export function findNearRepeats(blocks: Located[]): NearGroup[] {
  const { texts, words } = distinctTexts(blocks);
  const wordsOf = (text: DistinctText): Uint32Array => words.subarray(text.start, text.end);
  const parent = texts.map((_, index) => index);
  const lowestSimilarity = texts.map(() => 1);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] ?? current;
    parent[index] = current;
    return current;
  };

  for (const [first, second] of candidatePairs(texts, words)) {
    const a = texts[first];
    const b = texts[second];
    if (a === undefined || b === undefined || a.scope !== b.scope) continue;
    const similarity = shingleSimilarity(wordsOf(a), wordsOf(b));
    if (similarity < NEAR_SIMILARITY) continue;
    const rootA = root(first);
    const rootB = root(second);
    parent[rootB] = rootA;
    lowestSimilarity[rootA] = Math.min(
      similarity,
      lowestSimilarity[rootA] ?? 1,
      rootA === rootB ? 1 : (lowestSimilarity[rootB] ?? 1),
    );
  }

  const components = new Map<number, number[]>();
  texts.forEach((_, index) => {
    const component = root(index);
    const members = components.get(component);
    if (members === undefined) components.set(component, [index]);
    else members.push(index);
  });
  return [...components.entries()]
    .filter(([, members]) => members.length >= 2)
    .map(([component, members]) => ({
      blocks: members.flatMap((member) => texts[member]?.blocks ?? []).sort(compareLocated),
      similarity: lowestSimilarity[component] ?? 1,
    }));
}

/**
 * The distinct comparable texts of each scope, with the hashes of all their
 * words in one pool: one allocation instead of one per text. A text standing
 * in several scopes (a Markdown paragraph and its built page) is read once.
 */
function distinctTexts(blocks: Located[]): { texts: DistinctText[]; words: Uint32Array } {
  const scopes = new Map<string, { number: number; texts: Map<string, DistinctText> }>();
  const read = new Map<string, { start: number; end: number }>();
  const texts: DistinctText[] = [];
  let words = new Uint32Array(1 << 16);
  let size = 0;
  for (const located of blocks) {
    const { normalised, comparable } = located.block;
    if (!comparable) continue;
    const scopeName = scopeOf(located);
    let scope = scopes.get(scopeName);
    if (scope === undefined) {
      scope = { number: scopes.size, texts: new Map() };
      scopes.set(scopeName, scope);
    }
    const known = scope.texts.get(normalised);
    if (known !== undefined) {
      known.blocks.push(located);
      continue;
    }
    let range = read.get(normalised);
    if (range === undefined) {
      if (size + maxWordCount(normalised) > words.length) {
        const grown = new Uint32Array(Math.max(words.length * 2, size + maxWordCount(normalised)));
        grown.set(words.subarray(0, size));
        words = grown;
      }
      const start = size;
      size += writeWordHashes(normalised, words, start);
      range = { start, end: size };
      read.set(normalised, range);
    }
    const text = { scope: scope.number, ...range, blocks: [located] };
    scope.texts.set(normalised, text);
    texts.push(text);
  }
  if (texts.length >= TEXT_SPAN) {
    throw new RangeError(
      `The near-repeat search handles at most ${TEXT_SPAN - 1} distinct blocks.`,
    );
  }
  return { texts, words };
}

/** Pairs of text numbers [a, b], a < b, whose sketches share enough hashes. */
function candidatePairs(texts: DistinctText[], words: Uint32Array): [number, number][] {
  const entries = new Float64Array(texts.length * SKETCH_SIZE);
  const smallest = new Uint32Array(SKETCH_SIZE);
  let entryCount = 0;
  texts.forEach((text, index) => {
    const count = sketch(words, text, smallest);
    for (let slot = 0; slot < count; slot++) {
      entries[entryCount++] = ((smallest[slot] ?? 0) >>> 1) * TEXT_SPAN + index;
    }
  });
  const sorted = entries.subarray(0, entryCount).sort();

  const packedPairs: number[] = [];
  let groupStart = 0;
  while (groupStart < sorted.length) {
    const hash = Math.floor((sorted[groupStart] ?? 0) / TEXT_SPAN);
    let groupEnd = groupStart;
    const members: number[] = [];
    while (groupEnd < sorted.length && Math.floor((sorted[groupEnd] ?? 0) / TEXT_SPAN) === hash) {
      const member = (sorted[groupEnd] ?? 0) % TEXT_SPAN;
      if (members.at(-1) !== member) members.push(member);
      groupEnd++;
    }
    if (members.length <= MAX_TEXTS_PER_TRIPLE) {
      members.forEach((a, index) => {
        for (const b of members.slice(index + 1)) packedPairs.push(a * TEXT_SPAN + b);
      });
    }
    groupStart = groupEnd;
  }

  const pairs = Float64Array.from(packedPairs).sort();
  const result: [number, number][] = [];
  let runStart = 0;
  for (let index = 1; index <= pairs.length; index++) {
    if (index < pairs.length && pairs[index] === pairs[runStart]) continue;
    if (index - runStart >= MIN_SHARED_SKETCH) {
      const packed = pairs[runStart] ?? 0;
      result.push([Math.floor(packed / TEXT_SPAN), packed % TEXT_SPAN]);
    }
    runStart = index;
  }
  return result;
}

/**
 * Puts the smallest distinct hashes of the text's word triples into
 * `smallest`, in ascending order, and returns how many there are.
 */
function sketch(words: Uint32Array, text: DistinctText, smallest: Uint32Array): number {
  let count = 0;
  for (let start = text.start; start + CANDIDATE_SHINGLE_SIZE <= text.end; start++) {
    let hash = text.scope;
    for (let offset = 0; offset < CANDIDATE_SHINGLE_SIZE; offset++) {
      hash = mix(hash, words[start + offset] ?? 0);
    }
    if (count === SKETCH_SIZE && hash >= (smallest[SKETCH_SIZE - 1] ?? 0)) continue;
    const present = smallest.indexOf(hash);
    if (present !== -1 && present < count) continue;
    let slot = Math.min(count, SKETCH_SIZE - 1);
    while (slot > 0 && (smallest[slot - 1] ?? 0) > hash) {
      smallest[slot] = smallest[slot - 1] ?? 0;
      slot--;
    }
    smallest[slot] = hash;
    if (count < SKETCH_SIZE) count++;
  }
  return count;
}

function shingleSimilarity(a: Uint32Array, b: Uint32Array): number {
  const size = shingleSize(Math.max(a.length, b.length));
  const shinglesA = new Set(shingleHashes(a, size));
  const shinglesB = new Set(shingleHashes(b, size));
  let shared = 0;
  for (const shingle of shinglesA) if (shinglesB.has(shingle)) shared++;
  return shared / Math.max(shinglesA.size, shinglesB.size);
}

function shingleSize(wordCount: number): number {
  if (wordCount < 12) return 1;
  if (wordCount < 24) return 2;
  if (wordCount < 40) return 3;
  if (wordCount < 60) return 4;
  return 5;
}

/** A 32-bit hash of every sequence of `size` consecutive words. */
function shingleHashes(words: Uint32Array, size: number): Uint32Array {
  const count = Math.max(words.length - size + 1, 0);
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let hash = 0;
    for (let offset = 0; offset < size; offset++) hash = mix(hash, words[start + offset] ?? 0);
    hashes[start] = hash;
  }
  return hashes;
}

function mix(hash: number, value: number): number {
  let mixed = Math.imul(hash ^ value, 0x9e3779b1);
  mixed ^= mixed >>> 15;
  mixed = Math.imul(mixed, 0x85ebca77);
  mixed ^= mixed >>> 13;
  return mixed >>> 0;
}
