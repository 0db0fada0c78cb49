import { calculateNextWorkRequired, RETARGET_INTERVAL, TARGET_TIMESPAN } from '../../sim/retarget.js';
import { checkBits, difficultyFromBits, formatBits, parseBits, targetToHex } from '../../model/target.js';
import { InputError } from '../../model/validate.js';
import type { Output } from '../output.js';
import { command, integerIn, option } from '../spec.js';

const REQUIRED = 'is required (see powlab retarget --help)';

export const retargetCommand = command({
  name: 'retarget',
  summary: 'Bitcoin mainnet difficulty retarget (Core rules)',
  about: `Bitcoin mainnet's difficulty retarget, exactly as Bitcoin Core computes it (pow.cpp
CalculateNextWorkRequired): the nBits of the first block of the next ${RETARGET_INTERVAL}-block period.`,
  flags: {
    bits: option({
      value: 'NBITS',
      describe: 'nBits of the period that is ending (hex), e.g. 0x1d00ffff',
      required: REQUIRED,
      parse: (text, name) => {
        const bits = parseBits(text, name);
        checkBits(bits, name);
        return bits;
      },
    }),
    'first-time': option({ value: 'T0', describe: "Unix time (seconds) of the period's first block", required: REQUIRED, parse: integerIn(0, 0xffffffff) }),
    'last-time': option({ value: 'T1', describe: 'Unix time of its last block, not before --first-time', required: REQUIRED, parse: integerIn(0, 0xffffffff) }),
  },
  json: '{"bits", "target", "difficulty", "timespan", "clampedTimespan"}',
  notes: `timespan = T1 - T0 covers 2015 block intervals but is compared with 2016 x 600 = ${TARGET_TIMESPAN} s
(Bitcoin's off-by-one). It is clamped to [${TARGET_TIMESPAN / 4}, ${TARGET_TIMESPAN * 4}] s, so one retarget
changes the target at most 4x; the result is capped at powLimit and rounded to what nBits can hold.
An nBits that is negative, zero, overflowing or above powLimit is refused with exit status 2.`,
  run: ({ bits, firstTime, lastTime }, out) => retarget(bits, firstTime, lastTime, out),
});

function retarget(bits: number, firstTime: number, lastTime: number, out: Output): number {
  if (lastTime < firstTime) {
    throw new InputError('--last-time', `${lastTime} is before --first-time ${firstTime}: the last block of a period cannot come before its first`);
  }
  const r = calculateNextWorkRequired(bits, firstTime, lastTime);
  const value = {
    bits: formatBits(r.bits),
    target: targetToHex(r.target),
    difficulty: r.difficulty,
    timespan: r.timespan,
    clampedTimespan: r.clampedTimespan,
  };
  const oldDifficulty = difficultyFromBits(bits);
  const change = (r.difficulty / oldDifficulty - 1) * 100;
  out.result(value, () => [
    `bits             ${value.bits} (was ${formatBits(bits)})`,
    `target           ${value.target}`,
    `difficulty       ${value.difficulty} (${change >= 0 ? '+' : ''}${change.toFixed(2)}%)`,
    `timespan         ${value.timespan} s (${(value.timespan / 86_400).toFixed(2)} days; target ${TARGET_TIMESPAN} s)`,
    `clampedTimespan  ${value.clampedTimespan} s${r.clamp === 'min' ? ' (raised to the T/4 limit)' : r.clamp === 'max' ? ' (lowered to the 4T limit)' : ''}`,
    ...(r.cappedAtPowLimit ? ['note             the new target would be easier than powLimit, so powLimit is used'] : []),
  ]);
  return 0;
}
