/** One bar of a chart: what it stands for, its value, and the value as readers should read it. */
export interface BarInput {
  label: string;
  value: number;
  valueText: string;
}

/** A bar with its length in the chart's coordinate system. */
export interface PlacedBar extends BarInput {
  width: number;
}

/** The geometry of a horizontal bar chart, in SVG user units. */
export interface BarChartLayout {
  width: number;
  barHeight: number;
  bars: PlacedBar[];
}

/**
 * Lays out a horizontal bar chart: bar lengths are proportional to the values, the largest
 * spanning the full width. Labels and values are left to the page as text, so they reflow,
 * zoom and are checked for contrast like all other text; each bar's SVG scales to its row.
 */
export function layoutBarChart(inputs: readonly BarInput[], width = 320): BarChartLayout {
  const largest = Math.max(0, ...inputs.map((input) => input.value));
  return {
    width,
    barHeight: 20,
    bars: inputs.map((input) => ({
      ...input,
      width: largest === 0 ? 0 : Math.round((input.value / largest) * width),
    })),
  };
}
