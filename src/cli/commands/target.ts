import { InputError } from '../../model/validate.js';
import {
  decodeCompact, difficultyFromBits, difficultyFromTarget, encodeCompact, formatBits, parseBits, parseTargetHex,
  POW_LIMIT, targetToHex,
} from '../../model/target.js';
import type { Output } from '../output.js';
import { command, option } from '../spec.js';

export const targetCommand = command({
  name: 'target',
  summary: 'nBits <-> target <-> difficulty',
  about: `Decodes a compact nBits value as Bitcoin Core does (SetCompact: negative and overflow flags), or encodes
a 256-bit target (big-endian hex, as block explorers show it) into nBits (GetCompact rounding).`,
  flags: {
    bits: option({ value: 'NBITS', describe: 'the compact nBits to decode, e.g. 0x1d00ffff', parse: parseBits }),
    target: option({
      value: 'HEX',
      describe: 'the target to encode, 64 hex digits, big-endian',
      parse: (text, name) => {
        const target = parseTargetHex(text, name);
        if (target === 0n) throw new InputError(name, 'zero: no hash can meet it');
        return target;
      },
    }),
  },
  choices: [{ of: ['bits', 'target'], conflict: ['--bits', 'give exactly one of --bits or --target'], missing: ['--bits', 'give exactly one of --bits or --target'] }],
  json: '{"bits", "target", "difficulty", "negative", "overflow"}',
  notes: 'A negative, zero or overflowing nBits is still decoded and printed, then reported on stderr with exit 2.',
  run({ bits, target }, out) {
    return target !== undefined ? encode(target, out) : decode(bits!, out);
  },
});

function encode(target: bigint, out: Output): number {
  const bits = encodeCompact(target);
  const value = { bits: formatBits(bits), target: targetToHex(target), difficulty: difficultyFromTarget(target), negative: false, overflow: false };
  out.result({ ...value, compactTarget: targetToHex(decodeCompact(bits).target) }, () => [
    `bits        ${value.bits}`,
    `target      ${value.target}`,
    `as nBits    ${targetToHex(decodeCompact(bits).target)} (rounded to what nBits can express)`,
    `difficulty  ${value.difficulty}`,
    ...(target > POW_LIMIT ? ['note        above mainnet powLimit: valid on no Bitcoin mainnet block'] : []),
  ]);
  return 0;
}

function decode(bits: number, out: Output): number {
  const decoded = decodeCompact(bits);
  const usable = !decoded.negative && !decoded.overflow && decoded.target !== 0n;
  const value = {
    bits: formatBits(bits),
    target: decoded.overflow ? null : targetToHex(decoded.target),
    difficulty: usable ? difficultyFromBits(bits) : null,
    negative: decoded.negative,
    overflow: decoded.overflow,
  };
  out.result(value, () => [
    `bits        ${value.bits}`,
    `target      ${value.target ?? '(overflow)'}`,
    `difficulty  ${value.difficulty ?? '(none)'}`,
    `negative    ${value.negative}`,
    `overflow    ${value.overflow}`,
  ]);
  if (!usable) {
    const why = decoded.overflow ? 'overflows 256 bits' : decoded.negative ? 'has the sign bit set (negative)' : 'is zero';
    throw new InputError('--bits', `${value.bits} ${why}: not a usable target`);
  }
  return 0;
}
