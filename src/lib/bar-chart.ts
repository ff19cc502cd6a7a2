/** One bar of a chart: what it stands for, its value, and the value as readers should read it. */
export interface BarInput {
  label: string;
  value: number;
  valueText: string;
}

/** A bar placed in the chart's coordinate system. */
export interface PlacedBar extends BarInput {
  y: number;
  width: number;
  labelY: number;
  valueX: number;
}

/** The geometry of a horizontal bar chart, in SVG user units. */
export interface BarChartLayout {
  width: number;
  height: number;
  barHeight: number;
  bars: PlacedBar[];
}

const rowHeight = 64;
const barHeight = 24;
const labelGap = 20;

/**
 * Lays out a horizontal bar chart: each bar gets a row with its label above it, lengths are
 * proportional to the largest value, and each value is written at the end of its bar.
 * The layout fits any width, since the SVG scales to its container through its viewBox.
 */
export function layoutBarChart(inputs: readonly BarInput[], width = 600): BarChartLayout {
  const largest = Math.max(0, ...inputs.map((input) => input.value));
  // The widest bar leaves room for its value text on the right.
  const barSpace = width * 0.6;
  const bars = inputs.map((input, index) => {
    const top = index * rowHeight;
    const barWidth = largest === 0 ? 0 : Math.round((input.value / largest) * barSpace);
    return {
      ...input,
      labelY: top + 16,
      y: top + labelGap + 4,
      width: barWidth,
      valueX: barWidth + 8,
    };
  });
  return { width, height: inputs.length * rowHeight, barHeight, bars };
}
