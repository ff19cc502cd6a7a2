import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  decodePng,
  dominantColour,
  measureChange,
  quantile,
  ratioText,
} from "../../../src/checks/a11y/probes/pixels.ts";
import { picture } from "./fixtures.ts";

describe("contrastRatio", () => {
  it("gives WCAG's ratios: 21:1 for black on white, 1:1 for a colour on itself, 4.54:1 for #767676 on white", () => {
    const white = { r: 255, g: 255, b: 255 };
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    expect(ratioText(contrastRatio({ r: 118, g: 118, b: 118 }, white))).toBe("4.54:1");
  });
});

describe("quantile and dominantColour", () => {
  it("take the value most others exceed and the colour most pixels share; nothing gives no value", () => {
    expect(quantile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 0.1)).toBe(2);
    expect(quantile([], 0.1)).toBeNaN();
    const red = { r: 250, g: 0, b: 0 };
    expect(dominantColour([red, red, { r: 0, g: 0, b: 250 }])).toEqual(red);
    expect(dominantColour([])).toBeNull();
  });
});

describe("measureChange", () => {
  const white = decodePng(picture(20, 10, () => [255, 255, 255]));
  it("counts the pixels that change, and those that change by at least the ratio asked", () => {
    const line = decodePng(picture(20, 10, (_, y) => (y === 0 ? [0, 0, 0] : [255, 255, 255])));
    expect(measureChange(white, line, 3)).toEqual({ changed: 20, strong: 20, typicalRatio: 21 });
    const faint = decodePng(
      picture(20, 10, (_, y) => (y === 0 ? [220, 220, 220] : [255, 255, 255])),
    );
    const change = measureChange(white, faint, 3);
    expect(change).toMatchObject({ changed: 20, strong: 0 });
    expect(change.typicalRatio).toBeLessThan(1.5);
    expect(measureChange(white, white, 3)).toEqual({ changed: 0, strong: 0, typicalRatio: 1 });
  });
});
