// Small display helpers: numbers, byte previews, odds, hex laid out for reading.

const grouped = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return grouped.format(n);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "61 62 63", at most `max` bytes, then "… and N more". */
export function bytePreview(bytes: Uint8Array, max = 48): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} … and ${plural(bytes.length - max, 'more byte', 'more bytes')}` : shown;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/** 2^n for a reader: "2⁸ = 256", "2⁴³ ≈ 8.8 × 10¹²". */
export function powerOfTwo(n: number): string {
  const exact = 2 ** n;
  if (n <= 32) return `2${superscript(n)} = ${formatCount(exact)}`;
  const exponent = Math.floor(n * Math.log10(2));
  const mantissa = exact / 10 ** exponent;
  return `2${superscript(n)} ≈ ${mantissa.toFixed(1)} × 10${superscript(exponent)}`;
}

/** How rare a hash with at least `zeroBits` leading zero bits is. */
export function zeroBitOdds(zeroBits: number): string {
  if (zeroBits === 0) return 'Half of all hashes start with a 1 bit, like this one.';
  if (zeroBits >= 256) return 'All 256 bits are zero: no one has ever seen such a hash.';
  return `A random hash starts with at least ${plural(zeroBits, 'zero bit', 'zero bits')} about once in ${powerOfTwo(zeroBits)} tries.`;
}

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
      half = document.createElement('span');
      half.className = 'hex-half';
      halves.push(half);
    }
    const group = document.createElement('span');
    group.className = 'hex-group';
    const chunk = hex.slice(i, i + 8);
    const zeros = Math.max(0, Math.min(chunk.length, leading - i));
    if (zeros > 0) {
      const z = document.createElement('span');
      z.className = 'lead-zero';
      z.textContent = chunk.slice(0, zeros);
      group.append(z);
    }
    if (zeros < chunk.length) group.append(chunk.slice(zeros));
    half!.append(group);
  }
  target.replaceChildren(...halves);
}
