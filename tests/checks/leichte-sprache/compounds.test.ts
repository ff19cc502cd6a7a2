import { describe, expect, it } from "vitest";
import { compoundParts } from "../../../src/checks/leichte-sprache/compounds.ts";

describe("compoundParts", () => {
  it.each([
    ["Gesundheitswirtschaft", "Gesundheits·wirtschaft"],
    ["Seitenübersicht", "Seiten·übersicht"],
    ["Zahntechniklabore", "Zahn·technik·labore"],
    ["Schlichtungsstelle", "Schlichtungs·stelle"],
    ["Wirtschaftsförderungsgesellschaften", "Wirtschafts·förderungs·gesellschaften"],
    ["Datenschutzerklärung", "Daten·schutz·erklärung"],
    ["Bundesland", "Bundes·land"],
  ])("splits the compound %s as %s, keeping whole nouns whole", (word, split) => {
    expect(compoundParts(word)?.join("·")).toBe(split);
  });

  it.each(["repräsentiert", "eingeschränkt", "Informationen", "Veröffentlichung", "Verantwortung"])(
    "finds no compound in the simple word %s",
    (word) => {
      expect(compoundParts(word)).toBeUndefined();
    },
  );
});
