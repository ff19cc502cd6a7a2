import { PNG } from "pngjs";

/** A screen-high part of a screenshot, and where it starts on the page. */
export interface Crop {
  png: Buffer;
  /** The first row of the page it shows, in px from the top. */
  top: number;
}

/**
 * One screen of a full-page screenshot: `height` rows from `top` (moved up where the page ends
 * sooner, so the crop is always as high as the page allows), as PNG. The report shows these, so
 * a long page is a screen high there, not thousands of pixels.
 */
export function cropScreen(png: Buffer, top: number, height: number): Crop {
  const image = PNG.sync.read(png);
  const rows = Math.min(height, image.height);
  const from = Math.max(0, Math.min(Math.round(top), image.height - rows));
  const crop = new PNG({ width: image.width, height: rows });
  PNG.bitblt(image, crop, 0, from, image.width, rows, 0, 0);
  return { png: PNG.sync.write(crop), top: from };
}

/**
 * Where a changed page's thumbnails start: a quarter of a screen above the first changed row, so
 * the change is in view with what stands above it; the top of the page when no row changed.
 */
export function changeWindowTop(firstChangedRow: number | null, screenHeight: number): number {
  if (firstChangedRow === null) return 0;
  return Math.max(0, firstChangedRow - Math.round(screenHeight / 4));
}
