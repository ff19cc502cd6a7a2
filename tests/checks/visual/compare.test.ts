import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { compareScreenshots } from "../../../src/checks/visual/compare.ts";

/** A white PNG of the given size, with black pixels at the given [x, y] places. */
function screenshot(width: number, height: number, black: [number, number][] = []): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(255);
  for (const [x, y] of black) image.data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  return PNG.sync.write(image);
}

describe("comparing two screenshots of a page", () => {
  it("finds no change and draws no difference when both are the same", () => {
    const png = screenshot(40, 30, [[5, 5]]);
    const comparison = compareScreenshots(png, Buffer.from(png));
    expect(comparison).toEqual({
      share: 0,
      changedPixels: 0,
      diff: null,
      firstChangedRow: null,
      before: { width: 40, height: 30 },
      after: { width: 40, height: 30 },
    });
  });

  it("finds no change in the same pixels encoded differently", () => {
    const image = PNG.sync.read(screenshot(40, 30, [[5, 5]]));
    const recoded = PNG.sync.write(image, { deflateLevel: 1, filterType: 0 });
    const comparison = compareScreenshots(screenshot(40, 30, [[5, 5]]), recoded);
    expect(comparison.changedPixels).toBe(0);
    expect(comparison.diff).toBeNull();
  });

  it("counts a changed pixel, the row it is on, and draws it in the difference", () => {
    const comparison = compareScreenshots(screenshot(40, 30), screenshot(40, 30, [[7, 12]]));
    expect(comparison.changedPixels).toBe(1);
    expect(comparison.share).toBeCloseTo(1 / 1200);
    expect(comparison.firstChangedRow).toBe(12);
    const diff = PNG.sync.read(comparison.diff ?? Buffer.alloc(0));
    const offset = (12 * 40 + 7) * 4;
    expect([...diff.data.subarray(offset, offset + 3)]).toEqual([255, 0, 0]);
  });

  it("compares a page that grew on a canvas as large as both, so what it gained counts", () => {
    const comparison = compareScreenshots(screenshot(40, 30), screenshot(40, 40, [[0, 35]]));
    expect(comparison.changedPixels).toBeGreaterThan(0);
    expect(comparison.after).toEqual({ width: 40, height: 40 });
    expect(comparison.before).toEqual({ width: 40, height: 30 });
  });
});
