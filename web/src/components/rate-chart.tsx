/**
 * A trend of rates over periods, drawn with uPlot (about 50 kB, canvas, the fastest of the small chart libraries;
 * its lines and points are all the dashboard needs, and it comes only with the dashboard's chunk). The canvas is
 * hidden from screen readers: the same numbers are in the table the page shows beside it. It follows the width of
 * its box, so it fits a phone.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** Percent values per period; null where there is nothing to rate. */
  values: (number | null)[];
}

// Distinguishable for the common colour-vision deficiencies (Okabe–Ito), each also drawn with its own point shape
// size so lines can be told apart without colour.
const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export function RateChart({ labels, series, label }: { labels: string[]; series: ChartSeries[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(280, element.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [
          { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')), space: 48 },
          { values: (_u, splits) => splits.map((v) => `${v}%`), size: 48 },
        ],
        legend: { show: true },
        series: [
          { label: '', value: (_u, i) => (i === null ? '' : (labels[i] ?? '')) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: colours[i % colours.length],
            width: 2,
            spanGaps: true,
            points: { show: true, size: 5 + (i % 3) * 2 },
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`),
          })),
        ],
      },
      [labels.map((_, i) => i), ...series.map((s) => s.values)] as uPlot.AlignedData,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [JSON.stringify(labels), JSON.stringify(series)]);
  return <div class="rate-chart" ref={box} role="img" aria-label={label} data-testid="rate-chart" />;
}
