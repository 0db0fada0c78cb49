// Bitcoin's retarget as a calculator: the nBits of the period that ends and the times of its first
// and last blocks in, the next nBits out, as Bitcoin Core computes it (sim/retarget.ts).
import { checkBits, difficultyFromBits, formatBits, parseBits, targetToHex } from '../../../model/target.js';
import { parseInteger } from '../../../model/validate.js';
import { SECONDS_PER_DAY } from '../../../sim/luck.js';
import { calculateNextWorkRequired, TARGET_TIMESPAN } from '../../../sim/retarget.js';
import { find } from '../../shared/dom.js';
import { Field } from '../../shared/fields.js';
import { DASH, formatCount, formatFixed, formatPercent, formatUtc, sig } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';

/** Bitcoin Core src/test/pow_tests.cpp: get_next_work, *_lower_limit_actual, *_upper_limit_actual, *_pow_limit. */
const CORE_CASES = [
  { button: 'rt-example-32256', bits: '0x1d00ffff', first: 1261130161, last: 1262152739 },
  { button: 'rt-example-fast', bits: '0x1c05a3f4', first: 1279008237, last: 1279297671 },
  { button: 'rt-example-slow', bits: '0x1c387f6f', first: 1263163443, last: 1269211443 },
  { button: 'rt-example-limit', bits: '0x1d00ffff', first: 1231006505, last: 1233061996 },
] as const;

const CLAMP_NOTES = {
  min: { used: ' (raised to ¼ of two weeks)', note: 'The period was more than 4× too fast, so the difficulty rises by the most one retarget allows: 4×.' },
  max: { used: ' (lowered to 4 × two weeks)', note: 'The period was more than 4× too slow, so the difficulty falls by the most one retarget allows: to ¼.' },
} as const;

export function mountRetargetPanel(root: HTMLElement): void {
  const bits = new Field(root, 'rt-bits');
  const first = new Field(root, 'rt-first');
  const last = new Field(root, 'rt-last');
  const results = find(root, 'rt-results');
  const out = {
    bits: find(root, 'rt-out-bits'),
    target: find(root, 'rt-out-target'),
    difficulty: find(root, 'rt-out-difficulty'),
    change: find(root, 'rt-out-change'),
    timespan: find(root, 'rt-out-timespan'),
    clamped: find(root, 'rt-out-clamped'),
  };
  const note = find(root, 'rt-note');
  const firstDate = find(root, 'rt-first-date');
  const lastDate = find(root, 'rt-last-date');

  const readTime = (field: Field) => field.read((text) => parseInteger(text, 'time', 0, 0xffffffff));

  const update = () => {
    const b = bits.read((text) => {
      const value = parseBits(text, 'nBits');
      checkBits(value, 'nBits');
      return value;
    });
    const t0 = readTime(first);
    const t1 = readTime(last);
    firstDate.textContent = t0 === undefined ? '' : formatUtc(t0);
    lastDate.textContent = t1 === undefined ? '' : formatUtc(t1);
    const backwards = t0 !== undefined && t1 !== undefined && t1 < t0;
    if (backwards) last.fail('The last block cannot come before the first: this time is earlier than the first block’s.');
    if (b === undefined || t0 === undefined || t1 === undefined || backwards) {
      results.dataset['state'] = 'invalid';
      for (const el of Object.values(out)) el.textContent = DASH;
      note.textContent = 'Fix the fields above to see the new target.';
      return;
    }

    const r = calculateNextWorkRequired(b, t0, t1);
    const oldDifficulty = difficultyFromBits(b);
    const change = r.difficulty / oldDifficulty - 1;
    const clamp = r.clamp ? CLAMP_NOTES[r.clamp] : undefined;
    out.bits.textContent = formatBits(r.bits);
    renderHex(out.target, targetToHex(r.target), true);
    out.difficulty.textContent = `${sig(r.difficulty, 8)} (was ${sig(oldDifficulty, 8)})`;
    out.change.textContent = `${change >= 0 ? '+' : ''}${formatPercent(change, 2)} difficulty`;
    out.timespan.textContent = `${formatCount(r.timespan)} s = ${formatFixed(r.timespan / SECONDS_PER_DAY, 2)} days (2015 blocks, ${formatFixed(r.timespan / 2015, 1)} s each)`;
    out.clamped.textContent = `${formatCount(r.clampedTimespan)} s${clamp?.used ?? ''}`;
    const notes = [`new target = old target × ${formatCount(r.clampedTimespan)} / ${formatCount(TARGET_TIMESPAN)}, rounded down to nBits.`];
    if (clamp) notes.push(clamp.note);
    if (r.cappedAtPowLimit) notes.push('The new target would be easier than powLimit (difficulty 1), so powLimit is used.');
    note.textContent = notes.join(' ');
    results.dataset['state'] = 'ready';
  };

  for (const field of [bits, first, last]) field.input.addEventListener('input', update);
  for (const example of CORE_CASES) {
    find(root, example.button).addEventListener('click', () => {
      bits.value = example.bits;
      first.value = String(example.first);
      last.value = String(example.last);
      update();
    });
  }
  update();
}
