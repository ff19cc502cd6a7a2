import { describe, expect, it } from "vitest";
import { createRandom } from "../../../scripts/lib/random.ts";

const draw = (seed: number, count: number) => Array.from({ length: count }, createRandom(seed));

describe("createRandom", () => {
  it("gives the same numbers for the same seed and others for another seed", () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
    expect(draw(8, 50)).not.toEqual(draw(7, 50));
  });

  it("gives numbers from 0 up to but not including 1, spread over the whole range", () => {
    const numbers = draw(1, 10_000);
    expect(numbers.every((number) => number >= 0 && number < 1)).toBe(true);
    for (let tenth = 0; tenth < 10; tenth++) {
      const inTenth = numbers.filter((number) => Math.floor(number * 10) === tenth).length;
      expect(inTenth, `numbers in [${tenth / 10}, ${(tenth + 1) / 10})`).toBeGreaterThan(900);
    }
  });
});
