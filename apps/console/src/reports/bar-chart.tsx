import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface BarChartProps {
  /** Names the chart for screen readers; the numbers themselves are in the table beside it. */
  title: string;
  labels: readonly string[];
  values: readonly number[];
  height?: number;
}

/** A bar chart drawn by uPlot (canvas). Redrawn when the data changes; resized with its box. */
export function BarChart({ title, labels, values, height = 200 }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = labels.map((_, i) => i);
    const plot = new uPlot(
      {
        width: el.clientWidth || 480,
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // One label per bar while they fit (about 44 px each); over a month, every second or third day.
          {
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
            splits: (u) => xs.filter((i) => i % Math.max(1, Math.ceil((xs.length * 44) / Math.max(1, u.width - 60))) === 0),
            grid: { show: false },
          },
          { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
        ],
        series: [{}, { label: title, fill: 'rgba(79, 70, 229, 0.75)', stroke: '#4338ca', paths: uPlot.paths.bars!({ size: [0.7, 48] }), points: { show: false } }],
      },
      [xs, [...values]],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth || 480, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [labels.join('\u0000'), values.join(','), height, title]);
  return <div class="chart" ref={box} role="img" aria-label={title} />;
}
