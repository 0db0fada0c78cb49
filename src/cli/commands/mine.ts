import { availableParallelism } from 'node:os';
import { createNodePool } from '../../engine/mining/node-pool.js';
import { hashToDisplayHex, parseHeaderHex } from '../../model/header.js';
import { checkBits, parseBits, parseTargetHex, targetToHex, targetToLittleEndian } from '../../model/target.js';
import { InputError, parseInteger } from '../../model/validate.js';
import { parseCommandArgs, stringFlag } from '../args.js';
import { formatRate, type Output } from '../output.js';

const MAX_NONCE = 0xffffffff;
// Mining is also a lesson: a target easier than mainnet's powLimit is allowed here, only unusable nBits are not.
const ANY_TARGET = (1n << 256n) - 1n;

export const mineHelp = `powlab mine --header <160 hex> [--start N] [--count M] [--bits 0x.. | --target <hex>] [--threads T]

Searches nonces start .. start+count-1 in order for the first whose SHA-256d meets the target, using
T threads on disjoint batches (the answer is the same as one thread's).
  --header   the 80-byte header as 160 hex digits; its nonce field is ignored
  --start    first nonce (default 0)
  --count    how many nonces (default: up to 4294967295)
  --bits     target as compact nBits (default: the header's own nBits)
  --target   target as 64 hex digits, big-endian
  --threads  worker threads (default: all ${availableParallelism()} cores)
  --no-simd  use the scalar core
  --json     {"found", "nonce", "hash", "hashes", "seconds"}
Exit status: 0 found, 1 not found in the range, 2 bad input.`;

export async function mineCommand(argv: string[], out: Output): Promise<number> {
  const args = parseCommandArgs(
    'mine',
    argv,
    {
      header: { type: 'string' },
      start: { type: 'string' },
      count: { type: 'string' },
      bits: { type: 'string' },
      target: { type: 'string' },
      threads: { type: 'string' },
      'no-simd': { type: 'boolean' },
    },
    0,
  );
  const headerHex = stringFlag(args, 'header');
  if (headerHex === undefined) throw new InputError('--header', 'missing: give the 80-byte header as 160 hex digits');
  const header = parseHeaderHex(headerHex, '--header');
  const start = parseInteger(stringFlag(args, 'start') ?? '0', '--start', 0, MAX_NONCE);
  const countText = stringFlag(args, 'count');
  const count = countText === undefined ? MAX_NONCE - start + 1 : parseInteger(countText, '--count', 1, 2 ** 32);
  if (start + count - 1 > MAX_NONCE) {
    throw new InputError('--count', `start ${start} + count ${count} passes the last nonce ${MAX_NONCE}`);
  }
  const threads = parseInteger(stringFlag(args, 'threads') ?? String(availableParallelism()), '--threads', 1, 1024);

  const bitsText = stringFlag(args, 'bits');
  const targetText = stringFlag(args, 'target');
  if (bitsText !== undefined && targetText !== undefined) throw new InputError('--target', 'give --bits or --target, not both');
  let target: bigint;
  if (targetText !== undefined) {
    target = parseTargetHex(targetText, '--target');
    if (target === 0n) throw new InputError('--target', 'zero: no hash can meet it');
  } else if (bitsText !== undefined) {
    target = checkBits(parseBits(bitsText, '--bits'), '--bits', ANY_TARGET);
  } else {
    const ownBits = new DataView(header.buffer, header.byteOffset).getUint32(72, true);
    target = checkBits(ownBits, '--header (its nBits field)', ANY_TARGET);
  }

  const pool = await createNodePool(threads, args.flags['no-simd'] !== true);
  try {
    await pool.selfTest();
    const began = performance.now();
    const outcome = await pool.search({ header, target: targetToLittleEndian(target) }, start, count, {
      onBatch: (p) => {
        const seconds = (performance.now() - began) / 1000;
        const done = ((p.nextNonce - start) / count) * 100;
        out.progress(`${p.hashes.toLocaleString('en')} hashes  ${formatRate(p.hashes / seconds)}  ${done.toFixed(1)}% of range`);
      },
    });
    out.endProgress();
    const seconds = (performance.now() - began) / 1000;
    const base = { hashes: outcome.hashes, seconds, threads, simd: pool.simd, target: targetToHex(target) };
    if (outcome.found) {
      const hash = hashToDisplayHex(outcome.hash!);
      out.result({ found: true, nonce: outcome.nonce!, hash, ...base }, () => [
        `found nonce ${outcome.nonce}`,
        `hash        ${hash}`,
        `${outcome.hashes.toLocaleString('en')} hashes in ${seconds.toFixed(2)} s (${formatRate(outcome.hashes / seconds)}, ${threads} thread${threads > 1 ? 's' : ''})`,
      ]);
      return 0;
    }
    out.result({ found: false, ...base }, () => [
      `no nonce in ${start}..${start + count - 1} meets the target`,
      `${outcome.hashes.toLocaleString('en')} hashes in ${seconds.toFixed(2)} s (${formatRate(outcome.hashes / seconds)})`,
    ]);
    return 1;
  } finally {
    pool.close();
  }
}
