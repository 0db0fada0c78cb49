// The one way every screen writes numbers for people: counts, rates, durations, percentages,
// probabilities, money and coins, dates. Three significant digits unless a figure needs more.
//
// A value that is not a finite number has no place on screen: it is drawn as a dash and reported
// (nonFiniteShown() counts them, and the page marks <html data-non-finite="N">, so a test or a
// curious reader can see that a bug produced one). A caller with a meaningful infinity ("never
// breaks even", "no hashrate") says so in words before it calls a formatter.

export const DASH = '—';

let nonFinite = 0;

/** How many non-finite values the formatters were asked to show since the page loaded. */
export function nonFiniteShown(): number {
  return nonFinite;
}

function dash(): string {
  nonFinite++;
  const root = (globalThis as { document?: { documentElement: { dataset: Record<string, string | undefined> } } }).document?.documentElement;
  if (root) root.dataset['nonFinite'] = String(nonFinite);
  return DASH;
}

const grouped = new Intl.NumberFormat('en-US');

/** "1,048,576", "1.5" (grouped, at most three decimals). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return dash();
  return grouped.format(n);
}

/** "1 block", "3 blocks". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Exactly `digits` decimals, grouped: "654.5", "1,022,578.00", "-0.25" (a measured figure, a ratio). */
export function formatFixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return dash();
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `digits` significant digits, grouped: 0.000123, 4.56, 12.3, 1,230. */
export function sig(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return dash();
  return Number(n.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 20 });
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

export function superscript(n: number): string {
  return String(n).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
}

/** "3.20 × 10²⁴". */
export function formatScientific(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return dash();
  const [mantissa, exponent] = n.toExponential(digits - 1).split('e');
  return `${mantissa} × 10${superscript(Number(exponent))}`;
}

const BIG_WORDS: [number, string][] = [
  [1e18, 'quintillion'],
  [1e15, 'quadrillion'],
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "950", "12,345", "1.23 million", "45.6 billion", "3.20 × 10²⁴". */
export function formatBigNumber(n: number): string {
  if (!Number.isFinite(n)) return dash();
  const size = Math.abs(n);
  if (size >= 1e21) return formatScientific(n);
  for (const [at, word] of BIG_WORDS) if (size >= at) return `${sig(n / at)} ${word}`;
  return size >= 1000 ? formatCount(Math.round(n)) : sig(n);
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

/** "61 62 63", at most `max` bytes, then "… and N more bytes". */
export function bytePreview(bytes: Uint8Array, max = 48): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} … and ${plural(bytes.length - max, 'more byte', 'more bytes')}` : shown;
}

/** Hashes as a readable count: "1,048,576" or "≈ 1.8 × 10^19". */
export function formatHashes(n: number): string {
  if (!Number.isFinite(n)) return dash();
  if (n < 1e15) return formatCount(Math.round(n));
  return `≈ ${n.toExponential(1).replace('e+', ' × 10^')}`;
}

/** "1 hash", "65,536 hashes": formatHashes with the noun, singular when the shown count is 1. */
export function hashCount(n: number): string {
  const shown = formatHashes(n);
  return `${shown} ${shown === '1' ? 'hash' : 'hashes'}`;
}

const RATE_UNITS = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s', 'ZH/s'];

/** "4.96 MH/s", "790 EH/s": three significant digits, SI prefixes (as the CLI prints). */
export function formatRate(hashesPerSecond: number): string {
  if (!Number.isFinite(hashesPerSecond)) return dash();
  let value = hashesPerSecond;
  let unit = 0;
  while (Math.abs(value) >= 999.5 && unit < RATE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${sig(value)} ${RATE_UNITS[unit]}`;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** A Julian year, as the luck figures use. */
export const SECONDS_PER_YEAR = 365.25 * DAY;

/** "210 ms", "9.5 s", "10 minutes", "6.93 minutes", "5.2 hours", "3.1 days", "2.4 years", "4.2 billion years". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return dash();
  if (seconds === 0) return '0 s';
  if (seconds < 1) return `${sig(seconds * 1000)} ms`;
  if (seconds < 2 * MINUTE) return `${sig(seconds)} s`;
  if (seconds < 2 * HOUR) return `${sig(seconds / MINUTE)} minutes`;
  if (seconds < 3 * DAY) return `${sig(seconds / HOUR)} hours`;
  if (seconds < SECONDS_PER_YEAR) return `${sig(seconds / DAY)} days`;
  const years = seconds / SECONDS_PER_YEAR;
  return `${years < 1e6 ? sig(years) : formatBigNumber(years)} years`;
}

/** Joules per terahash: "17.5 J/TH"; a CPU's millions in powers of ten ("3.20 × 10⁶ J/TH"). */
export function formatEfficiency(joulesPerTerahash: number): string {
  if (!Number.isFinite(joulesPerTerahash)) return dash();
  return `${joulesPerTerahash < 1000 ? formatFixed(joulesPerTerahash, 1) : formatScientific(joulesPerTerahash)} J/TH`;
}

/** Power: "12.5 W", "3,510 W" below 10 kW, then "17.6 kW", "1.1 MW", "4.5 GW". */
export function formatPower(watts: number): string {
  if (!Number.isFinite(watts)) return dash();
  const size = Math.abs(watts);
  if (size < 1e4) return `${sig(watts, size >= 1000 ? 4 : 3)} W`;
  if (size < 1e6) return `${sig(watts / 1e3)} kW`;
  if (size < 1e9) return `${sig(watts / 1e6)} MW`;
  return `${formatBigNumber(watts / 1e9)} GW`;
}

/** A ratio of two rates: "1.00×", "3.57×". */
export function formatRatio(ratio: number, digits = 2): string {
  if (!Number.isFinite(ratio)) return dash();
  return `${ratio.toFixed(digits)}×`;
}

/** "2.3%" (`digits` decimals). */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return dash();
  return `${(fraction * 100).toFixed(digits)}%`;
}

/**
 * "2.3%" (one decimal), but a fraction that one decimal would round to 100.0% or 0.0% without being
 * it reads ">99.9%" or "<0.1%": a chance of 99.97% is not a certainty, 0.02% is not never.
 */
export function formatPercentClamped(fraction: number): string {
  if (!Number.isFinite(fraction)) return dash();
  if (fraction >= 0.9995 && fraction < 1) return '>99.9%';
  if (fraction > 0 && fraction < 0.0005) return '<0.1%';
  return formatPercent(fraction, 1);
}

/** A chance for a reader: "45.3%", "practically certain (> 99.999%)", "1 in 1.23 million (8.13 × 10⁻⁷)". */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return dash();
  if (p >= 0.999995) return 'practically certain (> 99.999%)';
  if (p >= 0.0001) return `${sig(p * 100)}%`;
  if (p === 0) return '0';
  return `1 in ${formatBigNumber(1 / p)} (${formatScientific(p)})`;
}

/** Coins: four significant digits, scientific when tiny or huge ("0.5948", "1.234e-7"). */
export function formatCoins(x: number): string {
  if (!Number.isFinite(x)) return dash();
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

/** Money without a currency sign: cents below 10, whole units above ("4.20", "1,234"). */
export function formatMoney(x: number): string {
  if (!Number.isFinite(x)) return dash();
  const cents = Math.abs(x) < 10 ? 2 : 0;
  return x.toLocaleString('en', { maximumFractionDigits: cents, minimumFractionDigits: cents });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-01-31 12:00" in the reader's local time; the text itself when it is not a date. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Unix seconds as "2009-01-03 18:15:05 UTC". */
export function formatUtc(unix: number): string {
  if (!Number.isFinite(unix)) return dash();
  const d = new Date(unix * 1000);
  if (Number.isNaN(d.getTime())) return dash();
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
