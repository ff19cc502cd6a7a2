import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

/** How two screenshots of a page differ. */
export interface Comparison {
  /** Pixels that differ beyond anti-aliasing, over all pixels of the larger of the two. */
  share: number;
  changedPixels: number;
  /**
   * The differing pixels in red over a faded copy of the new screenshot, as PNG; null when no
   * pixel differs (encoding a page-high image nobody looks at is most of a comparison's time).
   */
  diff: Buffer | null;
  /** The topmost row with a differing pixel, in px from the top; null when none differs. */
  firstChangedRow: number | null;
  before: { width: number; height: number };
  after: { width: number; height: number };
}

/** A screenshot drawn onto a white canvas of the given size, top left, so sizes can differ. */
function onCanvas(image: PNG, width: number, height: number): Buffer {
  if (image.width === width && image.height === height) return image.data;
  const canvas = new PNG({ width, height, fill: true });
  canvas.data.fill(255);
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas.data;
}

/** A PNG's size, from its header chunk (IHDR), which the format puts first. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The colour pixelmatch draws a differing pixel in; the rest of its image is grey. */
const DIFF_COLOR: [number, number, number] = [255, 0, 0];

/** The first row of `image` with a pixel of exactly `color`, or null. */
function firstRowIn(image: PNG, [red, green, blue]: readonly number[]): number | null {
  const { data, width } = image;
  for (let offset = 0; offset < data.length; offset += 4) {
    if (data[offset] === red && data[offset + 1] === green && data[offset + 2] === blue) {
      return Math.floor(offset / 4 / width);
    }
  }
  return null;
}

/**
 * Compares a page's screenshot with the one from the last passing run, pixel by pixel with
 * pixelmatch (its default threshold, which leaves anti-aliasing out). A page that grew or
 * shrank is compared on a canvas as large as both, so the added or lost part counts as changed.
 */
export function compareScreenshots(beforePng: Buffer, afterPng: Buffer): Comparison {
  // Chromium encodes the same pixels to the same bytes, so an unchanged page needs no decoding.
  if (beforePng.equals(afterPng)) {
    const size = pngSize(afterPng);
    return {
      share: 0,
      changedPixels: 0,
      diff: null,
      firstChangedRow: null,
      before: size,
      after: size,
    };
  }
  const before = PNG.sync.read(beforePng);
  const after = PNG.sync.read(afterPng);
  const width = Math.max(before.width, after.width);
  const height = Math.max(before.height, after.height);
  const diff = new PNG({ width, height });
  const changedPixels = pixelmatch(
    onCanvas(before, width, height),
    onCanvas(after, width, height),
    diff.data,
    width,
    height,
    { threshold: 0.1, diffColor: DIFF_COLOR },
  );
  return {
    share: changedPixels / (width * height),
    firstChangedRow: firstRowIn(diff, DIFF_COLOR),
    changedPixels,
    diff: changedPixels === 0 ? null : PNG.sync.write(diff),
    before: { width: before.width, height: before.height },
    after: { width: after.width, height: after.height },
  };
}
