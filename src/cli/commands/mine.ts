import { availableParallelism } from 'node:os';
import { createNodePool } from '../../engine/mining/node-pool.js';
import type { SearchProgress } from '../../engine/mining/search.js';
import { hashToDisplayHex, parseHeaderHex } from '../../model/header.js';
import { checkBits, parseBits, parseTargetHex, targetToHex, targetToLittleEndian } from '../../model/target.js';
import { InputError, parseInteger } from '../../model/validate.js';
import { adapterSummary, openCliGpu } from '../gpu.js';
import { formatRate } from '../output.js';
import { command, integerIn, option, toggle } from '../spec.js';

const MAX_NONCE = 0xffffffff;
// Mining is also a lesson: a target easier than mainnet's powLimit is allowed here, only unusable nBits are not.
const ANY_TARGET = (1n << 256n) - 1n;

export const mineCommand = command({
  name: 'mine',
  summary: 'search a nonce range for a proof of work',
  about: `Searches nonces start .. start+count-1 in order for the first whose SHA-256d meets the target, using
T threads on disjoint batches (the answer is the same as one thread's).`,
  flags: {
    header: option({
      value: 'HEX',
      describe: 'the 80-byte header as 160 hex digits; its nonce field is ignored',
      required: 'missing: give the 80-byte header as 160 hex digits',
      parse: parseHeaderHex,
    }),
    start: option({ value: 'N', describe: 'first nonce', default: '0', parse: integerIn(0, MAX_NONCE) }),
    count: option({
      value: 'M',
      describe: `how many nonces, 1..${2 ** 32}`,
      defaultText: `the rest of the range, up to nonce ${MAX_NONCE}`,
      parse: (text, name, { earlier }) => {
        const count = parseInteger(text, name, 1, 2 ** 32);
        const start = earlier.start as number;
        if (start + count - 1 > MAX_NONCE) throw new InputError(name, `start ${start} + count ${count} passes the last nonce ${MAX_NONCE}`);
        return count;
      },
    }),
    threads: option({ value: 'T', describe: 'worker threads', default: String(availableParallelism()), defaultText: `all ${availableParallelism()} cores`, parse: integerIn(1, 1024) }),
    bits: option({
      value: 'NBITS',
      describe: 'target as compact nBits, e.g. 0x1d00ffff',
      defaultText: "the header's own nBits",
      parse: (text, name) => checkBits(parseBits(text, name), name, ANY_TARGET),
    }),
    target: option({
      value: 'HEX',
      describe: 'target as 64 hex digits, big-endian',
      parse: (text, name) => {
        const target = parseTargetHex(text, name);
        if (target === 0n) throw new InputError(name, 'zero: no hash can meet it');
        return target;
      },
    }),
    'no-simd': toggle('use the scalar core'),
    gpu: toggle("mine on the GPU through WebGPU (Node's webgpu package); every candidate is re-checked by the CPU core"),
  },
  choices: [{ of: ['bits', 'target'], conflict: ['--target', 'give --bits or --target, not both'] }],
  json: '{"found", "nonce", "hash", "hashes", "seconds"}',
  notes: 'Exit status: 0 found, 1 not found in the range, 2 bad input (also: --gpu with no WebGPU adapter).',
  async run({ header, start, count: given, threads, bits, target: targetFlag, noSimd, gpu }, out) {
    const count = given ?? MAX_NONCE - start + 1;
    const ownBits = new DataView(header.buffer, header.byteOffset).getUint32(72, true);
    const target = targetFlag ?? bits ?? checkBits(ownBits, '--header (its nBits field)', ANY_TARGET);

    const job = { header, target: targetToLittleEndian(target) };
    const began = performance.now();
    const progress = (p: SearchProgress) => {
      const seconds = (performance.now() - began) / 1000;
      const done = ((p.nextNonce - start) / count) * 100;
      out.progress(`${p.hashes.toLocaleString('en')} hashes  ${formatRate(p.hashes / seconds)}  ${done.toFixed(1)}% of range`);
    };
    const backend = gpu ? await openCliGpu() : undefined;
    const pool = backend ? undefined : await createNodePool(threads, !noSimd);
    try {
      await pool?.selfTest();
      const outcome = backend ? await backend.miner.search(job, start, count, { onProgress: progress }) : await pool!.search(job, start, count, { onBatch: progress });
      out.endProgress();
      const seconds = (performance.now() - began) / 1000;
      const where = backend ? { backend: 'webgpu', adapter: adapterSummary(backend.miner.facts).adapter } : { backend: 'wasm', threads, simd: pool!.simd };
      const base = { hashes: outcome.hashes, seconds, ...where, target: targetToHex(target) };
      const by = backend ? `WebGPU on ${adapterSummary(backend.miner.facts).name}` : `${threads} thread${threads > 1 ? 's' : ''}`;
      if (outcome.found) {
        const hash = hashToDisplayHex(outcome.hash!);
        out.result({ found: true, nonce: outcome.nonce!, hash, ...base }, () => [
          `found nonce ${outcome.nonce}`,
          `hash        ${hash}`,
          `${outcome.hashes.toLocaleString('en')} hashes in ${seconds.toFixed(2)} s (${formatRate(outcome.hashes / seconds)}, ${by})`,
        ]);
        return 0;
      }
      out.result({ found: false, ...base }, () => [
        `no nonce in ${start}..${start + count - 1} meets the target`,
        `${outcome.hashes.toLocaleString('en')} hashes in ${seconds.toFixed(2)} s (${formatRate(outcome.hashes / seconds)})`,
      ]);
      return 1;
    } finally {
      pool?.close();
      backend?.miner.close();
    }
  },
});
