import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { changeWindowTop, cropScreen, type Crop } from "../../../src/checks/visual/thumbnail.ts";

/** A PNG `height` rows high whose row n is drawn in grey level n, so a crop tells where it began. */
function rows(height: number): Buffer {
  const image = new PNG({ width: 2, height });
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < 2; column++) {
      image.data.set([row, row, row, 255], (row * 2 + column) * 4);
    }
  }
  return PNG.sync.write(image);
}

function firstRowOf({ png, top }: Crop): { height: number; first: number; top: number } {
  const image = PNG.sync.read(png);
  return { height: image.height, first: image.data[0] ?? -1, top };
}

describe("cropScreen", () => {
  it("cuts one screen from the given row, moved up where the page ends sooner", () => {
    expect(firstRowOf(cropScreen(rows(200), 0, 50))).toEqual({ height: 50, first: 0, top: 0 });
    expect(firstRowOf(cropScreen(rows(200), 120, 50))).toEqual({
      height: 50,
      first: 120,
      top: 120,
    });
    expect(firstRowOf(cropScreen(rows(200), 180, 50))).toEqual({
      height: 50,
      first: 150,
      top: 150,
    });
  });

  it("keeps a page shorter than a screen whole", () => {
    expect(firstRowOf(cropScreen(rows(30), 10, 50))).toEqual({ height: 30, first: 0, top: 0 });
  });
});

describe("changeWindowTop", () => {
  it("starts a quarter of a screen above the first change, and at the top when nothing changed", () => {
    expect(changeWindowTop(1000, 800)).toBe(800);
    expect(changeWindowTop(100, 800)).toBe(0);
    expect(changeWindowTop(null, 800)).toBe(0);
  });
});
