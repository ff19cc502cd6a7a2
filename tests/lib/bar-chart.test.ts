import { describe, expect, it } from "vitest";
import { layoutBarChart } from "../../src/lib/bar-chart.ts";

describe("layoutBarChart", () => {
  const chart = layoutBarChart(
    [
      { label: "A", value: 100, valueText: "100" },
      { label: "B", value: 400, valueText: "400" },
    ],
    320,
  );

  it("draws bar lengths in proportion to the values, the largest across the full width", () => {
    expect(chart.bars.map((bar) => bar.width)).toEqual([80, 320]);
  });

  it("keeps each bar's label and value text with it, in the given order", () => {
    expect(chart.bars.map((bar) => `${bar.label}: ${bar.valueText}`)).toEqual(["A: 100", "B: 400"]);
  });

  it("draws no bar when every value is zero", () => {
    expect(layoutBarChart([{ label: "A", value: 0, valueText: "0" }]).bars[0]?.width).toBe(0);
  });
});
