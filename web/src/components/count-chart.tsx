/**
 * Counts over days (a campaign's responses and suggestions), drawn with uPlot like the dashboard's rate chart: the
 * canvas is hidden from screen readers, the page shows the same numbers in a table beside it, and it follows the
 * width of its box.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface CountSeries {
  label: string;
  values: number[];
}

const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

export function CountChart({ labels, series, label }: { labels: string[]; series: CountSeries[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(280, element.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
        axes: [
          { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i]?.slice(5) ?? '') : '')), space: 48 },
          { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')), size: 48 },
        ],
        legend: { show: true },
        series: [
          { label: '', value: (_u, i) => (i === null ? '' : (labels[i] ?? '')) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: colours[i % colours.length],
            width: 2,
            points: { show: labels.length <= 60, size: 5 + (i % 3) * 2 },
          })),
        ],
      },
      [labels.map((_, i) => i), ...series.map((s) => s.values)] as uPlot.AlignedData,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 240 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [JSON.stringify(labels), JSON.stringify(series)]);
  return <div class="rate-chart" ref={box} role="img" aria-label={label} data-testid="count-chart" />;
}
