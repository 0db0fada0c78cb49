import { InputError } from '../../model/validate.js';
import {
  decodeCompact, difficultyFromBits, difficultyFromTarget, encodeCompact, formatBits, parseBits, parseTargetHex,
  POW_LIMIT, targetToHex,
} from '../../model/target.js';
import { parseCommandArgs, stringFlag } from '../args.js';
import type { Output } from '../output.js';

export const targetHelp = `powlab target --bits 0x1d00ffff
powlab target --target <64 hex digits>

Decodes a compact nBits value as Bitcoin Core does (SetCompact: negative and overflow flags), or encodes
a 256-bit target (big-endian hex, as block explorers show it) into nBits (GetCompact rounding).
  --json  {"bits", "target", "difficulty", "negative", "overflow"}
A negative, zero or overflowing nBits is still decoded and printed, then reported on stderr with exit 2.`;

export function targetCommand(argv: string[], out: Output): number {
  const args = parseCommandArgs('target', argv, { bits: { type: 'string' }, target: { type: 'string' } }, 0);
  const bitsText = stringFlag(args, 'bits');
  const targetText = stringFlag(args, 'target');
  if ((bitsText === undefined) === (targetText === undefined)) {
    throw new InputError('--bits', 'give exactly one of --bits or --target');
  }
  if (targetText !== undefined) {
    const target = parseTargetHex(targetText, '--target');
    if (target === 0n) throw new InputError('--target', 'zero: no hash can meet it');
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
  const bits = parseBits(bitsText!, '--bits');
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
