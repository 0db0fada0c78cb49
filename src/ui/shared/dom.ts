// Small DOM and formatting helpers for the "Mine a block" screen. Every piece of text goes in with
// textContent; no HTML strings are built from data.

import { formatCount } from './format.js';

type Attrs = Record<string, string>;

/** An element with a class, text and attributes (data-*, aria-*, …), and children appended. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { class?: string; text?: string; attrs?: Attrs } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (options.class) el.className = options.class;
  if (options.text !== undefined) el.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

export function find<T extends HTMLElement>(root: ParentNode, testId: string): T {
  const el = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`mine view: missing element ${testId}`);
  return el;
}

/** "12.3 MH/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '—';
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s'];
  let v = perSecond;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

/** "0.4 s", "12 s", "3 min 20 s", "5.2 hours", "3.1 days", "2.4 years", "4.1 × 10⁶ years". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    return `${m} min ${Math.round(seconds - m * 60)} s`;
  }
  if (seconds < 86_400 * 2) return `${(seconds / 3600).toFixed(1)} hours`;
  if (seconds < 86_400 * 365.25 * 2) return `${(seconds / 86_400).toFixed(1)} days`;
  const years = seconds / (86_400 * 365.25);
  if (years < 1e6) return `${formatCount(Math.round(years))} years`;
  return `${years.toExponential(1).replace('e+', ' × 10^')} years`;
}

/** Unix seconds as "2009-01-03 18:15:05 UTC". */
export function formatUtc(unix: number): string {
  return `${new Date(unix * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Hashes as a readable count: "1,048,576" or "≈ 1.8 × 10^19". */
export function formatHashes(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  if (n < 1e15) return formatCount(Math.round(n));
  return `≈ ${n.toExponential(1).replace('e+', ' × 10^')}`;
}

/** "1 hash", "65,536 hashes": formatHashes with the noun, singular when the shown count is 1. */
export function hashCount(n: number): string {
  const shown = formatHashes(n);
  return `${shown} ${shown === '1' ? 'hash' : 'hashes'}`;
}

/** The first `count` bits of a display-order hash in groups of four, with the leading zeros marked. */
export function renderLeadingBits(target: HTMLElement, displayHex: string, count = 48): void {
  let bits = '';
  for (const digit of displayHex.slice(0, Math.ceil(count / 4))) bits += parseInt(digit, 16).toString(2).padStart(4, '0');
  bits = bits.slice(0, count);
  const zeros = bits.length - bits.replace(/^0+/, '').length;
  const parts: Node[] = [];
  for (let i = 0; i < bits.length; i += 4) {
    const group = h('span', { class: 'bit-group' });
    const chunk = bits.slice(i, i + 4);
    const z = Math.max(0, Math.min(4, zeros - i));
    if (z > 0) group.append(h('span', { class: 'lead-zero', text: chunk.slice(0, z) }));
    if (z < 4) group.append(chunk.slice(z));
    parts.push(group);
  }
  parts.push(h('span', { class: 'muted', text: '…' }));
  target.replaceChildren(...parts);
}
