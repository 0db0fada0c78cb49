// Hashes and bits laid out for reading: groups of digits, leading zeros marked.
import { h } from './dom.js';

/**
 * Fills `target` with the hex in groups of 8 digits, four groups to a half, so a 64-digit hash wraps
 * as one line or two even halves (copying still gives the plain digits). With `markZeros`, the
 * leading zero digits are marked.
 */
export function renderHex(target: HTMLElement, hex: string, markZeros = false): void {
  const leading = markZeros ? hex.length - hex.replace(/^0+/, '').length : 0;
  const halves: HTMLElement[] = [];
  let half: HTMLElement | undefined;
  for (let i = 0; i < hex.length; i += 8) {
    if (i % 32 === 0) {
      half = h('span', { class: 'hex-half' });
      halves.push(half);
    }
    const group = h('span', { class: 'hex-group' });
    const chunk = hex.slice(i, i + 8);
    const zeros = Math.max(0, Math.min(chunk.length, leading - i));
    if (zeros > 0) group.append(h('span', { class: 'lead-zero', text: chunk.slice(0, zeros) }));
    if (zeros < chunk.length) group.append(chunk.slice(zeros));
    half!.append(group);
  }
  target.replaceChildren(...halves);
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
