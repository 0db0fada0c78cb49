// The one formatter of the UI (src/ui/shared/format.ts): the styles the screens show, and the rule
// that a non-finite value becomes a dash and is counted, never "NaN" or "Infinity".
import { describe, expect, it } from 'vitest';
import {
  DASH,
  formatBigNumber,
  formatCoins,
  formatCount,
  formatDuration,
  formatEfficiency,
  formatFixed,
  formatHashes,
  formatMoney,
  formatPercent,
  formatPercentClamped,
  formatPower,
  formatProbability,
  formatRate,
  formatRatio,
  formatScientific,
  formatUtc,
  hashCount,
  nonFiniteShown,
  powerOfTwo,
} from '../../src/ui/shared/format.js';

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [0.21, '210 ms'],
    [9.5, '9.5 s'],
    [75, '75 s'],
    [600, '10 minutes'],
    [415.888, '6.93 minutes'],
    [5 * 3600, '5 hours'],
    [3.1 * 86_400, '3.1 days'],
    [2.4 * 365.25 * 86_400, '2.4 years'],
    [4.2e9 * 365.25 * 86_400, '4.2 billion years'],
  ])('%s s reads "%s"', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('rates', () => {
  it.each([
    [0, '0 H/s'],
    [950, '950 H/s'],
    [999.7, '1 kH/s'],
    [4.96e6, '4.96 MH/s'],
    [12.3e6, '12.3 MH/s'],
    [790e18, '790 EH/s'],
  ])('%s H/s reads "%s"', (rate, text) => expect(formatRate(rate)).toBe(text));
});

describe('numbers', () => {
  it('counts, hashes, big numbers and powers of two', () => {
    expect(formatCount(1_048_576)).toBe('1,048,576');
    expect(formatHashes(65_537)).toBe('65,537');
    expect(hashCount(1)).toBe('1 hash');
    expect(hashCount(2 ** 64)).toBe('≈ 1.8 × 10^19 hashes');
    expect(formatBigNumber(1_048_576)).toBe('1.05 million');
    expect(formatBigNumber(350_729.681)).toBe('350,730');
    expect(formatBigNumber(3.2e24)).toBe('3.20 × 10²⁴');
    expect(formatScientific(8.13e-7)).toBe('8.13 × 10⁻⁷');
    expect(powerOfTwo(8)).toBe('2⁸ = 256');
    expect(powerOfTwo(43)).toBe('2⁴³ ≈ 8.8 × 10¹²');
  });

  it('percentages, probabilities, coins, money, dates', () => {
    expect(formatRatio(1)).toBe('1.00×');
    expect(formatRatio(3.571, 1)).toBe('3.6×');
    expect(formatPercent(0.023)).toBe('2.3%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect([0.023, 0.9997, 1, 0.0002, 0].map(formatPercentClamped)).toEqual(['2.3%', '>99.9%', '100.0%', '<0.1%', '0.0%']);
    expect(formatFixed(654.54, 1)).toBe('654.5');
    expect(formatFixed(1234.5, 0)).toBe('1,235');
    expect(formatFixed(1.5, 2)).toBe('1.50');
    expect(formatProbability(0.4532)).toBe('45.3%');
    expect(formatProbability(1)).toBe('practically certain (> 99.999%)');
    expect(formatProbability(8.13e-7)).toBe('1 in 1.23 million (8.13 × 10⁻⁷)');
    expect(formatCoins(0.59483)).toBe('0.5948');
    expect(formatCoins(1.2344e-7)).toBe('1.234e-7');
    expect(formatMoney(4.2)).toBe('4.20');
    expect(formatMoney(1234.4)).toBe('1,234');
    expect(formatUtc(1231006505)).toBe('2009-01-03 18:15:05 UTC');
  });

  it('efficiency and power (the Devices screen)', () => {
    expect(formatEfficiency(17.5)).toBe('17.5 J/TH');
    expect(formatEfficiency(3.2e6)).toBe('3.20 × 10⁶ J/TH');
    expect([12.5, 65, 3510, 17_550, 1.1e6, 4.5e9, 2e12].map(formatPower)).toEqual(['12.5 W', '65 W', '3,510 W', '17.6 kW', '1.1 MW', '4.5 GW', '2,000 GW']);
  });
});

describe('a non-finite value', () => {
  it('shows as a dash and is counted, whichever formatter meets it', () => {
    const before = nonFiniteShown();
    const shown = [
      formatRate(NaN),
      formatDuration(Infinity),
      formatCount(NaN),
      formatPercent(-Infinity),
      formatRatio(NaN),
      formatProbability(NaN),
      formatBigNumber(Infinity),
      formatCoins(NaN),
      formatMoney(Infinity),
      formatPercentClamped(NaN),
      formatHashes(NaN),
      formatUtc(NaN),
      formatFixed(NaN, 1),
      formatEfficiency(NaN),
      formatPower(Infinity),
    ];
    expect(shown).toEqual(Array(shown.length).fill(DASH));
    expect(nonFiniteShown() - before).toBe(shown.length);
    for (const text of shown) expect(text).not.toMatch(/NaN|Infinity/);
  });
});
