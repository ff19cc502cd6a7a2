import { PNG } from "pngjs";

/** An sRGB colour, each channel 0 to 255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** A decoded screenshot: RGBA bytes, row by row. */
export interface Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes a PNG screenshot. */
export function decodePng(png: Uint8Array): Picture {
  const { width, height, data } = PNG.sync.read(Buffer.from(png));
  return { width, height, data };
}

/** The colour at a pixel (the screenshots are opaque, so alpha is ignored). */
export function pixelAt(picture: Picture, x: number, y: number): Rgb {
  const offset = (y * picture.width + x) * 4;
  return {
    r: picture.data[offset] ?? 0,
    g: picture.data[offset + 1] ?? 0,
    b: picture.data[offset + 2] ?? 0,
  };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG's relative luminance. */
export function luminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG's contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `#rrggbb`, as messages show colours. */
export function hex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((value) => Math.round(value).toString(16).padStart(2, "0")).join("")}`;
}

/** A ratio as WCAG writes it: `2.31:1`. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * The `p`-quantile of values (0 = smallest); `p` 0.1 is the value 90 % of them exceed. Empty
 * lists give NaN, which fails every comparison: a caller must not take it for a pass.
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** The colour most pixels share, among colours rounded to steps of 8 per channel. */
export function dominantColour(colours: readonly Rgb[]): Rgb | null {
  const counts = new Map<number, { count: number; sum: Rgb }>();
  for (const colour of colours) {
    const key = ((colour.r >> 3) << 10) | ((colour.g >> 3) << 5) | (colour.b >> 3);
    const entry = counts.get(key) ?? { count: 0, sum: { r: 0, g: 0, b: 0 } };
    entry.count++;
    entry.sum.r += colour.r;
    entry.sum.g += colour.g;
    entry.sum.b += colour.b;
    counts.set(key, entry);
  }
  let best: { count: number; sum: Rgb } | undefined;
  for (const entry of counts.values())
    if (best === undefined || entry.count > best.count) best = entry;
  return best === undefined
    ? null
    : { r: best.sum.r / best.count, g: best.sum.g / best.count, b: best.sum.b / best.count };
}

/** How a change between two screenshots of the same place shows: what changed and how strongly. */
export interface Change {
  /** Pixels that changed visibly (contrast of before and after at least 1.1:1). */
  changed: number;
  /** Pixels whose colours before and after differ by at least `strongRatio`. */
  strong: number;
  /** The contrast most changed pixels reach: the 90th percentile of before-against-after. */
  typicalRatio: number;
}

/** Compares two same-sized screenshots pixel by pixel (see `Change`). */
export function measureChange(before: Picture, after: Picture, strongRatio: number): Change {
  let changed = 0;
  let strong = 0;
  const ratios: number[] = [];
  const { width, height } = before;
  for (let y = 0; y < Math.min(height, after.height); y++) {
    for (let x = 0; x < Math.min(width, after.width); x++) {
      const offset = (y * width + x) * 4;
      const afterOffset = (y * after.width + x) * 4;
      if (
        before.data[offset] === after.data[afterOffset] &&
        before.data[offset + 1] === after.data[afterOffset + 1] &&
        before.data[offset + 2] === after.data[afterOffset + 2]
      ) {
        continue;
      }
      const ratio = contrastRatio(pixelAt(before, x, y), pixelAt(after, x, y));
      if (ratio < 1.1) continue;
      changed++;
      ratios.push(ratio);
      if (ratio >= strongRatio) strong++;
    }
  }
  return { changed, strong, typicalRatio: ratios.length === 0 ? 1 : quantile(ratios, 0.9) };
}
