// Chart.js charts of the Pools screen: a histogram of simulated earnings per scheme, and the value of
// a PROP share by its position in the round. Only the parts used are registered; no animation.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Histogram } from '../../../sim/payouts/index.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

function css(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function histogramChart(canvas: HTMLCanvasElement, title: string, histogram: Histogram, trials: number, format: (x: number) => string, color: string): Chart {
  const { min, width, counts } = histogram;
  const labels = counts.map((_, i) => format(width === 0 ? min : min + (i + 0.5) * width));
  const text = css('--text', '#1b1f24');
  const grid = css('--border', '#d0d7de');
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label: title, data: counts.map((c) => c / trials), backgroundColor: color, barPercentage: 1, categoryPercentage: 1 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        title: { display: false },
        tooltip: { callbacks: { label: (item) => `${((item.raw as number) * 100).toFixed(2)}% of trials` } },
      },
      scales: {
        x: { title: { display: true, text: 'earnings (coins)', color: text }, ticks: { color: text, maxRotation: 0, autoSkip: true, maxTicksLimit: 5 }, grid: { display: false } },
        y: { title: { display: true, text: 'share of trials', color: text }, ticks: { color: text, callback: (v) => `${Math.round(Number(v) * 100)}%` }, grid: { color: grid }, beginAtZero: true },
      },
    },
  });
}

export function shareValueChart(canvas: HTMLCanvasElement, curve: { x: number; value: number }[], threshold: number): Chart {
  const text = css('--text', '#1b1f24');
  const grid = css('--border', '#d0d7de');
  const last = curve[curve.length - 1]?.x ?? 2;
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'value of a PROP share (× fair)', data: curve.map((p) => ({ x: p.x, y: p.value })), borderColor: '#0072b2', backgroundColor: '#0072b2', pointRadius: 0, borderWidth: 2 },
        { label: 'fair (PPS, PPLNS)', data: [{ x: 0, y: 1 }, { x: last, y: 1 }], borderColor: '#009e73', backgroundColor: '#009e73', pointRadius: 0, borderDash: [6, 4], borderWidth: 2 },
        { label: `hopping stops paying at ${threshold.toFixed(3)} D`, data: [{ x: threshold, y: 1 }], borderColor: '#d55e00', backgroundColor: '#d55e00', pointRadius: 6, showLine: false },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { color: text } } },
      scales: {
        x: { type: 'linear', min: 0, max: last, title: { display: true, text: 'shares already in the round (× D)', color: text }, ticks: { color: text }, grid: { color: grid } },
        y: { title: { display: true, text: 'value relative to a fair share', color: text }, ticks: { color: text }, grid: { color: grid }, min: 0, max: 2.6 },
      },
    },
  });
}
