import { describe, expect, it } from "vitest";
import { parseAllowList } from "../../../src/checks/duplicates/allow-list.ts";
import { normaliseText, textHash } from "../../../src/checks/duplicates/normalise.ts";
import { CouldNotCheckError } from "../../../src/checks/gate.ts";

const parse = (data: unknown) => () =>
  parseAllowList("duplicates-allow.json", JSON.stringify(data));

describe("parseAllowList", () => {
  it("reads an empty list with a comment", () => {
    expect(parse({ $comment: "Erklärung", entries: [] })()).toEqual([]);
  });

  it("turns a text entry into the hash of its normalised text", () => {
    const [entry] = parse({ entries: [{ text: "Ein  *Satz*", reason: "Gewollt" }] })();
    expect(entry?.hash).toBe(textHash(normaliseText("ein satz")));
    expect(entry?.position).toBe(1);
  });

  it.each([
    [
      "an entry without a reason",
      { entries: [{ hash: "0123456789abcdef" }] },
      /entry 1 .*no "reason"/,
    ],
    ["an empty reason", { entries: [{ text: "x", reason: "  " }] }, /entry 1 .*"reason" is empty/],
    [
      "an entry with neither hash nor text",
      { entries: [{ reason: "Gewollt" }] },
      /either "hash" or "text"/,
    ],
    ["a malformed hash", { entries: [{ hash: "abc", reason: "Gewollt" }] }, /16-character id/],
    [
      "a misspelt field",
      { entries: [{ hash: "0123456789abcdef", reasn: "x", reason: "y" }] },
      /entry 1/,
    ],
    ["a missing list", {}, /"entries"/],
  ])("refuses %s, naming the file", (_, data, message) => {
    expect(parse(data)).toThrow(CouldNotCheckError);
    expect(parse(data)).toThrow(/^duplicates-allow\.json/);
    expect(parse(data)).toThrow(message);
  });

  it("refuses a file that is not JSON", () => {
    expect(() => parseAllowList("duplicates-allow.json", "{ entries: [")).toThrow(
      /duplicates-allow\.json is not valid JSON/,
    );
  });

  it("numbers the entry that has no reason", () => {
    expect(parse({ entries: [{ text: "a", reason: "Gewollt" }, { text: "b" }] })).toThrow(
      /entry 2/,
    );
  });
});
