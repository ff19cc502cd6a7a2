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

  it("draws bar lengths in proportion to the values, on an axis ending at a round number", () => {
    expect(chart.axisMax).toBe(400);
    expect(chart.bars.map((bar) => bar.width)).toEqual([80, 320]);
  });

  it("ends the axis at the next round step above the largest value, with a gridline at each step", () => {
    const employees = layoutBarChart(
      [
        { label: "Berlin-Brandenburg", value: 370_000, valueText: "fast 370.000" },
        { label: "Nordrhein-Westfalen", value: 1_100_000, valueText: "mehr als 1,1 Millionen" },
      ],
      300,
    );
    expect([employees.step, employees.axisMax]).toEqual([500_000, 1_500_000]);
    expect(employees.gridlines).toEqual([100, 200]);
    expect(employees.bars.map((bar) => bar.width)).toEqual([74, 220]);
  });

  it("keeps each bar's label and value text with it, in the given order", () => {
    expect(chart.bars.map((bar) => `${bar.label}: ${bar.valueText}`)).toEqual(["A: 100", "B: 400"]);
  });

  it("draws no bar when every value is zero", () => {
    expect(layoutBarChart([{ label: "A", value: 0, valueText: "0" }]).bars[0]?.width).toBe(0);
  });
});
