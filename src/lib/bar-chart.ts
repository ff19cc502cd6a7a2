/** One bar of a chart: what it stands for, its value, and the value as readers should read it. */
export interface BarInput {
  label: string;
  value: number;
  valueText: string;
}

/** A bar placed in the chart's coordinate system. */
export interface PlacedBar extends BarInput {
  labelY: number;
  valueY: number;
  barY: number;
  width: number;
}

/** The geometry of a horizontal bar chart, in SVG user units. */
export interface BarChartLayout {
  width: number;
  height: number;
  barHeight: number;
  bars: PlacedBar[];
}

const lineHeight = 22;
const barHeight = 20;
const rowGap = 18;
const rowHeight = 2 * lineHeight + barHeight + rowGap;

/**
 * Lays out a horizontal bar chart for narrow screens first: each row has the label on one
 * line, the value on the next and the bar below them, so no text has to fit beside a bar.
 * Bar lengths are proportional to the largest value, which spans the full width. The SVG
 * scales to its container through its viewBox.
 */
export function layoutBarChart(inputs: readonly BarInput[], width = 320): BarChartLayout {
  const largest = Math.max(0, ...inputs.map((input) => input.value));
  const bars = inputs.map((input, index) => {
    const top = index * rowHeight;
    return {
      ...input,
      labelY: top + 16,
      valueY: top + lineHeight + 16,
      barY: top + 2 * lineHeight,
      width: largest === 0 ? 0 : Math.round((input.value / largest) * width),
    };
  });
  return { width, height: inputs.length * rowHeight - rowGap, barHeight, bars };
}
