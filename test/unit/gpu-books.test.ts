// The WebGPU miner's pure host-side books: reading a dispatch back, the final reduction of the
// per-workgroup best records (ties sent to the CPU), hash order as Bitcoin compares, dispatch sizing;
// and the parameters of a URL-driven mining run (/?mine=run&...).
import { describe, expect, it } from 'vitest';
import { bestCandidates, hashAtMost, hashLess, nextDispatchSize, parseReadback, topWord } from '../../src/engine/gpu/books.js';
import { isEmulated } from '../../src/engine/gpu/adapter.js';
import { NONCES_PER_WORKGROUP as WG, RECORD_WORDS, RESULT_WORDS } from '../../src/engine/gpu/kernel.js';
import { parseMineUrl } from '../../src/ui/screens/mine/url-run.js';

const GENESIS = '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';

/** Records for workgroups given as [least top, index, holders]. */
const records = (...rows: Array<[number, number, number]>) => Uint32Array.from(rows.flat());

describe('bestCandidates', () => {
  it('picks the workgroup with the least top word', () => {
    const r = records([900, 5, 1], [7, WG + 3, 1], [50, 2 * WG + 1, 1]);
    expect(bestCandidates(r, 3 * WG)).toEqual({ top: 7, indices: [WG + 3], ranges: [] });
  });

  it('keeps every workgroup tied on the least top word, for the CPU to decide', () => {
    const r = records([7, 1, 1], [9, WG, 1], [7, 2 * WG + 4, 1]);
    expect(bestCandidates(r, 3 * WG)).toEqual({ top: 7, indices: [1, 2 * WG + 4], ranges: [] });
  });

  it('sends a workgroup where several nonces hold it to a full rescan, clipped to the dispatch', () => {
    const r = records([3, 0, 1], [3, WG + 9, 2]);
    expect(bestCandidates(r, WG + 100)).toEqual({ top: 3, indices: [0], ranges: [[WG, WG + 100]] });
  });

  it('reads only the workgroups the dispatch had', () => {
    const r = records([10, 0, 1], [1, WG, 1]);
    expect(bestCandidates(r, WG).top).toBe(10);
  });
});

describe('parseReadback', () => {
  it('splits the result words from the records', () => {
    const words = Uint32Array.from([2, 17, 5, 0, 1, 2, 1, 4, 5, 1, 99, 99, 99]);
    const r = parseReadback(words, 2);
    expect(r).toMatchObject({ solutions: 2, firstSolution: 17, shares: 5 });
    expect(Array.from(r.records)).toEqual([1, 2, 1, 4, 5, 1]);
    expect(r.records.length).toBe(2 * RECORD_WORDS);
    expect(RESULT_WORDS).toBe(4);
  });
});

describe('hash order (little-endian 256-bit numbers)', () => {
  const hash = (top: number, low = 0) => {
    const h = new Uint8Array(32);
    new DataView(h.buffer).setUint32(28, top, true);
    h[0] = low;
    return h;
  };
  it('compares from the last byte down; equal is at most, not less', () => {
    expect(hashLess(hash(1), hash(2))).toBe(true);
    expect(hashLess(hash(2, 0), hash(1, 255))).toBe(false);
    expect(hashLess(hash(1, 1), hash(1, 2))).toBe(true);
    expect(hashLess(hash(5, 5), hash(5, 5))).toBe(false);
    expect(hashAtMost(hash(5, 5), hash(5, 5))).toBe(true);
    expect(hashAtMost(hash(5, 6), hash(5, 5))).toBe(false);
    expect(topWord(hash(0x01020304))).toBe(0x01020304);
  });
});

describe('nextDispatchSize', () => {
  const limits = { target: 0.1, min: 16 * WG, max: 65535 * WG };
  it('aims at the target time from the measured rate, in whole workgroups', () => {
    expect(nextDispatchSize(1_000_000, 0.2, limits)).toBe(Math.floor(500_000 / WG) * WG);
    expect(nextDispatchSize(1_000_000, 0.2, limits) % WG).toBe(0);
  });
  it('grows at most fourfold and stays within its limits', () => {
    expect(nextDispatchSize(100 * WG, 0.001, limits)).toBe(400 * WG);
    expect(nextDispatchSize(60000 * WG, 0.001, limits)).toBe(65535 * WG);
    expect(nextDispatchSize(16 * WG, 10, limits)).toBe(16 * WG);
  });
});

describe('isEmulated', () => {
  const facts = { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: false };
  it('flags fallback adapters and known software rasterisers', () => {
    expect(isEmulated({ ...facts, vendor: 'nvidia', architecture: 'ampere' })).toBe(false);
    expect(isEmulated({ ...facts, isFallbackAdapter: true })).toBe(true);
    expect(isEmulated({ ...facts, vendor: 'google', architecture: 'swiftshader' })).toBe(true);
    expect(isEmulated({ ...facts, description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isEmulated({ ...facts, device: 'Lavapipe' })).toBe(true);
    expect(isEmulated({ ...facts, description: 'Microsoft Basic Render Driver' })).toBe(true);
  });
});

describe('parseMineUrl', () => {
  const run = (q: string) => parseMineUrl(q, 4);
  it('is none without mine=', () => expect(run('?bench=run').kind).toBe('none'));

  it('defaults as powlab mine does: start 0, the rest of the range, the header’s own nBits, wasm, every core', () => {
    const r = run(`?mine=run&header=${GENESIS}`);
    expect(r.kind).toBe('run');
    if (r.kind !== 'run') return;
    expect(r.run).toMatchObject({ start: 0, count: 2 ** 32, backend: 'wasm', threads: 4, shareTarget: undefined });
    expect(r.run.target).toBe(0xffffn << 208n);
  });

  it('reads every parameter', () => {
    const r = run(`?mine=run&header=${GENESIS}&start=5&count=10&target=${'00ff'.padEnd(64, 'f')}&share=${'0f'.padEnd(64, 'f')}&backend=webgpu&threads=2`);
    expect(r.kind === 'run' && r.run).toMatchObject({ start: 5, count: 10, backend: 'webgpu', threads: 2 });
    expect(r.kind === 'run' && r.run.target).toBe(BigInt(`0x${'00ff'.padEnd(64, 'f')}`));
    expect(parseMineUrl(`?mine=run&header=${GENESIS}&bits=0x207fffff`, 1)).toMatchObject({ kind: 'run', run: { target: 0x7fffffn << 232n } });
  });

  it('names every bad parameter and runs nothing', () => {
    const bad = (q: string, words: RegExp) => {
      const r = run(q);
      expect(r.kind, q).toBe('invalid');
      expect(r.kind === 'invalid' && r.problems.join(' '), q).toMatch(words);
    };
    bad('?mine=go', /mine=go/);
    bad('?mine=run', /header: missing/);
    bad(`?mine=run&header=${GENESIS.slice(1)}`, /^header=/);
    bad(`?mine=run&header=${GENESIS}&start=-1`, /start=-1/);
    bad(`?mine=run&header=${GENESIS}&start=4294967295&count=2`, /passes the last nonce/);
    bad(`?mine=run&header=${GENESIS}&count=0`, /count=0/);
    bad(`?mine=run&header=${GENESIS}&bits=0x1d00ffff&target=${'f'.repeat(64)}`, /not both/);
    bad(`?mine=run&header=${GENESIS}&target=${'0'.repeat(64)}`, /zero/);
    bad(`?mine=run&header=${GENESIS}&bits=0x00800000`, /^bits=/);
    bad(`?mine=run&header=${GENESIS}&backend=cuda`, /backend=cuda/);
    bad(`?mine=run&header=${GENESIS}&threads=5`, /threads=5/);
    bad(`?mine=run&header=${GENESIS}&colour=red`, /colour/);
  });
});
