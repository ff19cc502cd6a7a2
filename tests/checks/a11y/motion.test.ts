import { describe, expect, it } from "vitest";
import { gifDuration } from "../../../src/checks/a11y/probes/motion.ts";

/** A 1 × 1 GIF with `frames` frames of `delay` hundredths of a second, looping `loops` times (0: for ever; null: no loop block). */
function gif(frames: number, delay: number, loops: number | null): Uint8Array {
  const bytes = [...Buffer.from("GIF89a"), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255];
  if (loops !== null) {
    bytes.push(0x21, 0xff, 11, ...Buffer.from("NETSCAPE2.0"), 3, 1, loops & 0xff, loops >> 8, 0);
  }
  for (let frame = 0; frame < frames; frame++) {
    bytes.push(0x21, 0xf9, 4, 0, delay & 0xff, delay >> 8, 0, 0);
    bytes.push(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0);
  }
  bytes.push(0x3b);
  return Uint8Array.from(bytes);
}

describe("gifDuration", () => {
  it("adds up the frames' delays and multiplies by the loops", () => {
    expect(gifDuration(gif(3, 50, null))).toBe(1500);
    expect(gifDuration(gif(3, 50, 3))).toBe(6000);
  });

  it("plays for ever when the loop count is 0, and not at all for a still image or other bytes", () => {
    expect(gifDuration(gif(2, 10, 0))).toBe(Infinity);
    expect(gifDuration(gif(1, 10, 0))).toBe(0);
    expect(gifDuration(Buffer.from("\x89PNG not a gif"))).toBe(0);
  });
});
