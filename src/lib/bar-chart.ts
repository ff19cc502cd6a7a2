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
  /** The value at the axis's end: a round number at or above the largest value. */
  axisMax: number;
  /** The distance between two gridlines, in values. */
  step: number;
  /** Where the gridlines stand, between the axis's start and end. */
  gridlines: number[];
}

/** Most intervals the axis is divided into: few enough gridlines to read at 320 px. */
const MAX_INTERVALS = 4;

/** The smallest round step (1, 2, 2.5 or 5 times a power of ten) that is at least `rough`. */
function roundStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const factor = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= rough) ?? 10;
  return factor * power;
}

/**
 * Lays out a horizontal bar chart on one axis from zero to a round number at or above the
 * largest value, divided by gridlines into at most four equal steps: bar lengths are
 * proportional to the values. Labels and values are left to the page as text, so they reflow,
 * zoom and are checked for contrast like all other text; each bar's SVG scales to its row.
 */
export function layoutBarChart(inputs: readonly BarInput[], width = 320): BarChartLayout {
  const largest = Math.max(0, ...inputs.map((input) => input.value));
  const step = largest === 0 ? 1 : roundStep(largest / MAX_INTERVALS);
  const axisMax = largest === 0 ? 1 : Math.ceil(largest / step) * step;
  const intervals = Math.round(axisMax / step);
  return {
    width,
    barHeight: 20,
    bars: inputs.map((input) => ({
      ...input,
      width: largest === 0 ? 0 : Math.round((input.value / axisMax) * width),
    })),
    axisMax,
    step,
    gridlines: Array.from({ length: intervals - 1 }, (_, index) =>
      Math.round(((index + 1) * width) / intervals),
    ),
  };
}
