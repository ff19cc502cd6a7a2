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
    const [a, b] = chart.bars;
    expect(b?.width).toBe(320);
    expect(a?.width).toBe(80);
  });

  it("puts label, value and bar of a row below each other, and each row below the previous one", () => {
    const [a, b] = chart.bars;
    for (const bar of chart.bars) {
      expect(bar.labelY).toBeLessThan(bar.valueY);
      expect(bar.valueY).toBeLessThanOrEqual(bar.barY);
    }
    expect(b?.labelY ?? 0).toBeGreaterThan((a?.barY ?? 0) + chart.barHeight);
    expect(chart.height).toBeGreaterThanOrEqual((b?.barY ?? 0) + chart.barHeight);
  });

  it("draws no bar when every value is zero", () => {
    expect(layoutBarChart([{ label: "A", value: 0, valueText: "0" }]).bars[0]?.width).toBe(0);
  });
});
