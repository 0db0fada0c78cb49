// Property-based fuzzing of the parsers behind every numeric form field and CLI value (fast-check):
// any string gives a finite value inside the parser's range, or an InputError naming the field,
// never NaN, Infinity or another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBits, parseTargetHex } from '../../src/model/target.js';
import { HASHRATE_UNITS, parseHashrateInput, parseWattsInput } from '../../src/model/user-devices.js';
import { isInputError, parseInteger, parseNumber } from '../../src/model/validate.js';
import { parseHashrate, parseHashrateCsv } from '../../src/sim/chain-sim.js';

// Strings a person might type or paste, and garbage.
const text = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.tuple(fc.double({ min: -1e30, max: 1e30 }), fc.constantFrom('', ' ', 'k', 'M', 'G', 'T', 'P', 'E', ' H/s', ' MH/s', ' EH/s', 'e', 'e400', 'x')).map(([n, s]) => `${n}${s}`),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x', '0x1d00ffff', '0xffffffffffffffffff', '1_000', '1,5', '٣', '１２', '+5', '.5', '5.', 'e5', '--1', '0b101'),
);

/** Runs the parser: a value it accepts must pass `ok`; a refusal must be an InputError naming `field`. */
function check<T>(parse: (s: string) => T, field: string, ok: (value: T) => boolean): void {
  fc.assert(
    fc.property(text, (s) => {
      let value: T;
      try {
        value = parse(s);
      } catch (error) {
        expect(isInputError(error), `${JSON.stringify(s)}: ${String(error)}`).toBe(true);
        expect((error as { field: string }).field.startsWith(field), JSON.stringify(s)).toBe(true);
        return;
      }
      expect(ok(value), `${JSON.stringify(s)} gave ${String(value)}`).toBe(true);
    }),
    { numRuns: 1500, seed: 7 },
  );
}

const finiteIn = (min: number, max: number) => (v: number) => Number.isFinite(v) && v >= min && v <= max;

describe('numeric parsers under any string', () => {
  it('parseNumber and parseInteger', () => {
    check((s) => parseNumber(s, 'n', -1e6, 1e6), 'n', finiteIn(-1e6, 1e6));
    check((s) => parseInteger(s, 'i', 0, 2 ** 32 - 1), 'i', (v) => Number.isSafeInteger(v) && v >= 0 && v <= 2 ** 32 - 1);
  });

  it('hashrates with SI suffixes, and a series of them', () => {
    check((s) => parseHashrate(s), 'hashrate', (v) => Number.isFinite(v) && v > 0);
    check((s) => parseHashrateCsv(`0,${s}\n1,5 EH/s`), 'csv', (points) => points.every((p) => Number.isFinite(p.hashrate) && p.hashrate > 0 && Number.isFinite(p.days)));
  });

  it('a device hashrate with its unit, and watts', () => {
    for (const { unit } of HASHRATE_UNITS) check((s) => parseHashrateInput(s, unit, 'hashrate'), 'hashrate', (v) => Number.isFinite(v) && v > 0);
    check((s) => parseHashrateInput('5', s, 'hashrate'), 'hashrate', (v) => Number.isFinite(v) && v > 0);
    check((s) => parseWattsInput(s, 'watts'), 'watts', (v) => v === null || (Number.isFinite(v) && v > 0));
  });

  it('nBits and targets', () => {
    // The syntax only: what an nBits value means (negative, zero, overflowing) is checkBits' job.
    check((s) => parseBits(s, '--bits'), '--bits', (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff);
    check((s) => parseTargetHex(s, '--target'), '--target', (v) => typeof v === 'bigint' && v >= 0n && v < 1n << 256n);
  });
});
