import { describe, expect, it } from "vitest";
import { findNestingProblems, nestedReferences } from "../../src/lib/i18n-nesting.ts";

const texts = (entries: Record<string, unknown>) => new Map(Object.entries(entries));

describe("nestedReferences", () => {
  it("finds the keys of $t() references, with or without options", () => {
    expect(nestedReferences('Siehe $t(common.a) und $t(common.items, { "count": 2 }).')).toEqual([
      "common.a",
      "common.items",
    ]);
  });
});

describe("findNestingProblems", () => {
  it("accepts references to existing texts and to plurals by their base name", () => {
    expect(
      findNestingProblems(
        texts({
          "common.a": "A $t(common.b)",
          "common.b": "B $t(common.items)",
          "common.items_one": "ein Eintrag",
          "common.items_other": "{{count}} Einträge",
        }),
      ),
    ).toEqual([]);
  });

  it("names the text holding a reference to a text that does not exist", () => {
    const problems = findNestingProblems(texts({ "common.a": "A $t(common.missing)" }));
    expect(problems.map((problem) => problem.key)).toEqual(["common.a"]);
    expect(problems[0]?.message).toContain('"$t(common.missing)" names a text that does not exist');
  });

  it("names references that loop, with the loop spelt out", () => {
    const problems = findNestingProblems(
      texts({ "common.a": "$t(common.b)", "common.b": "$t(common.c)", "common.c": "$t(common.a)" }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("common.a → common.b → common.c → common.a");
  });

  it("names a text that refers to itself", () => {
    expect(findNestingProblems(texts({ "common.a": "A $t(common.a)" }))).toHaveLength(1);
  });
});
