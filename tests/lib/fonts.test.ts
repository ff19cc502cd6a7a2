import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectCharacters, fontFacesOf, kernFontFile, subsetText } from "../../src/lib/fonts.ts";
import { projectRoot } from "../../src/lib/project.ts";

describe("fontFacesOf", () => {
  it("reads each @font-face's family, weight, style and address", () => {
    const css = `@font-face{font-family:"Fira Sans";font-weight:600;font-display:swap;src:url("/assets/fonts/a.woff2") format("woff2")}
@font-face{font-family:'Fira Sans';font-style:italic;src:url(/assets/fonts/b.woff2)}
body{font-weight:600}`;
    expect(fontFacesOf(css)).toEqual([
      { family: "Fira Sans", weight: 600, style: "normal", url: "/assets/fonts/a.woff2" },
      { family: "Fira Sans", weight: 400, style: "italic", url: "/assets/fonts/b.woff2" },
    ]);
  });
});

describe("kernFontFile", () => {
  it("finds the KERN package's Fira Sans file of a weight and style, and no other family", () => {
    const file = (weight: number, style: "normal" | "italic", family = "Fira Sans") =>
      kernFontFile({ family, weight, style, url: "" }, projectRoot);
    const folder = path.join(projectRoot, "node_modules/@kern-ux/native/dist/fonts/fira-sans");
    expect(file(600, "normal")).toBe(path.join(folder, "FiraSans-SemiBold.woff2"));
    expect(file(400, "italic")).toBe(path.join(folder, "FiraSans-Italic.woff2"));
    expect(file(700, "italic")).toBe(path.join(folder, "FiraSans-BoldItalic.woff2"));
    expect(file(400, "normal", "Comic Sans")).toBeUndefined();
    expect(file(450, "normal")).toBeUndefined();
  });
});

describe("the subset's characters", () => {
  it("are those a page uses beyond ASCII, numeric references included, plus the ones always kept", () => {
    const found = new Set<string>();
    collectCharacters("<p>Straße &#x141;&#243;d&#x17A; ₂</p>", found);
    expect([...found].sort()).toEqual(["ß", "ó", "Ł", "ź", "₂"].sort());
    const text = subsetText(found);
    for (const character of [
      "A",
      "z",
      "0",
      "ß",
      "Ł",
      "₂",
      "\u00ad",
      "\u2010",
      "\u00a0",
      "€",
      "„",
    ]) {
      expect(text).toContain(character);
    }
    // In code point order, so that the same characters always give the same font.
    expect(subsetText(new Set(["₂", "Ł"]))).toBe(subsetText(new Set(["Ł", "₂"])));
  });
});
