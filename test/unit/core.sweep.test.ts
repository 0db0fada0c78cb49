// SHA-256 of every length 0..1024, random lengths, and inputs that cross the core's 64 KiB input
// buffer, against node:crypto, on both core builds.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PowCore } from '../../src/engine/core/core.js';
import { Random } from '../../src/sim/random.js';
import { CORE_PATHS, loadCore } from './core-paths.js';

// Seeded, so a failure can be replayed: POWLAB_TEST_SEED=<the seed in the message> npx vitest run ...
const SEED = Number(process.env['POWLAB_TEST_SEED'] ?? 20261201);
const random = new Random(SEED);
function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = random.nextInt(256);
  return bytes;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each(CORE_PATHS)('$name core: sweep against node:crypto', ({ simd }) => {
  let core: PowCore;
  beforeAll(async () => {
    core = await loadCore(simd);
  });

  it('matches for every length 0..1024', () => {
    const data = randomBytes(1024);
    const mismatches: number[] = [];
    for (let length = 0; length <= 1024; length++) {
      const part = data.subarray(0, length);
      if (hex(core.sha256(part)) !== sha256(part)) mismatches.push(length);
    }
    expect(mismatches).toEqual([]);
  });

  it('matches SHA-256d for every length 0..256', () => {
    const data = randomBytes(256);
    for (let length = 0; length <= 256; length++) {
      const part = data.subarray(0, length);
      const expected = createHash('sha256').update(createHash('sha256').update(part).digest()).digest('hex');
      expect(hex(core.sha256d(part)), `length ${length}`).toBe(expected);
    }
  });

  it('matches for random inputs up to 200 kB, across the 64 KiB input buffer', () => {
    for (const length of [65535, 65536, 65537, 131072 + 63, 200_000, ...Array.from({ length: 20 }, () => random.nextInt(200_000))]) {
      const data = randomBytes(length);
      expect(hex(core.sha256(data)), `length ${length}, seed ${SEED}`).toBe(sha256(data));
    }
  });

  it('hashes 1 MB', () => {
    const data = randomBytes(1 << 20);
    expect(hex(core.sha256(data))).toBe(sha256(data));
  });

  it('reports its lane count', () => {
    expect(core.lanes).toBe(simd ? 4 : 1);
    expect(core.simd).toBe(simd);
  });
});
