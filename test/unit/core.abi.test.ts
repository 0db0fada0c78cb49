// The core's contract, held against every build (scalar, SIMD, and the debug builds where
// `npm run build:wasm:debug` made them), straight through the raw exports rather than core.ts:
// - the exports are exactly those of src/engine/core/abi.ts (POW_EXPORTS, which the type checker ties to
//   PowExports), with the signatures it declares, read from the binary itself; and no imports;
// - mine() writes the result block at the offsets of RESULT_LAYOUT, checked on the genesis header with
//   its real nonce and against node:crypto;
// - a debug build traps where a host breaks the contract; a release build has no such checks.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HASH_BYTES, HEADER_BYTES, POW_EXPORTS, RESULT_LAYOUT, type PowExports } from '../../src/engine/core/abi.js';
import { wasmPath } from '../../src/engine/core/wasm-node.js';
import { hashToDisplayHex } from '../../src/model/header.js';
import { decodeCompact, targetToLittleEndian } from '../../src/model/target.js';
import { hexNumber, loadHeaderVectors } from '../helpers/vectors.js';

const debugPath = (name: string) => new URL(`../../build/wasm/${name}`, import.meta.url);
const BUILDS = [
  { name: 'scalar', url: wasmPath(false), lanes: 1, debug: false },
  { name: 'simd', url: wasmPath(true), lanes: 4, debug: false },
  { name: 'debug', url: debugPath('pow.debug.wasm'), lanes: 1, debug: true },
  { name: 'debug-simd', url: debugPath('pow.simd.debug.wasm'), lanes: 4, debug: true },
].map((b) => ({ ...b, built: !b.debug || existsSync(b.url) }));

// ---- what the binary says -------------------------------------------------------------------------

type Signature = { kind: 'memory' } | { kind: 'function'; params: string[]; results: string[] };
const VALUE_TYPES: Record<number, string> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128' };
const EXPORT_KINDS = ['function', 'table', 'memory', 'global'];

/**
 * The number of imports, and each export's kind and, for a function, its parameter and result types, read
 * from the import, type, function and export sections (the JS API names exports but not signatures).
 */
function readInterface(bytes: Uint8Array) {
  let at = 8; // after the magic number and version
  const byte = () => bytes[at++]!;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  const name = () => {
    const length = u32();
    at += length;
    return new TextDecoder().decode(bytes.subarray(at - length, at));
  };
  const valueTypes = () => Array.from({ length: u32() }, () => VALUE_TYPES[byte()] ?? 'unknown');
  const types: { params: string[]; results: string[] }[] = [];
  const functionTypes: number[] = [];
  const exports: Record<string, Signature | { kind: string }> = {};
  let imports = 0;
  while (at < bytes.length) {
    const id = byte();
    const size = u32();
    const end = at + size;
    if (id === 1) {
      for (let n = u32(); n > 0; n--) {
        if (byte() !== 0x60) throw new Error('type section: not a function type');
        types.push({ params: valueTypes(), results: valueTypes() });
      }
    } else if (id === 2) {
      const limits = () => {
        if (byte() & 1) u32(); // a maximum follows the minimum
        u32();
      };
      for (let n = u32(); n > 0; n--, imports++) {
        name();
        name();
        const kind = byte();
        if (kind === 0) functionTypes.push(u32()); // imported functions are numbered first
        else if (kind === 1) { byte(); limits(); } // a table: element type, limits
        else if (kind === 2) limits(); // a memory
        else { byte(); byte(); } // a global: value type, mutability
      }
    } else if (id === 3) {
      for (let n = u32(); n > 0; n--) functionTypes.push(u32());
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const exportName = name();
        const kind = EXPORT_KINDS[byte()] ?? 'unknown';
        const index = u32();
        exports[exportName] = kind === 'function' ? { kind, ...types[functionTypes[index]!]! } : { kind };
      }
    }
    at = end;
  }
  return { imports, exports };
}

/** POW_EXPORTS in the same terms: every parameter an i32, the result an i32 or nothing. */
function expectedSignatures(): Record<string, Signature> {
  return Object.fromEntries(
    Object.entries(POW_EXPORTS).map(([exportName, shape]): [string, Signature] => [
      exportName,
      shape.kind === 'memory'
        ? { kind: 'memory' }
        : { kind: 'function', params: Array<string>(shape.params).fill('i32'), results: shape.result === 'i32' ? ['i32'] : [] },
    ]),
  );
}

// ---- a known answer ---------------------------------------------------------------------------------

const genesis = loadHeaderVectors().headers.find((h) => h.height === 0)!;
const genesisHeader = Buffer.from(genesis.headerHex, 'hex');
const genesisTarget = targetToLittleEndian(decodeCompact(hexNumber(genesis.bits)).target);
/** A share is a hash whose top 4 bits are zero: about 1 in 16. */
const shareTarget = new Uint8Array(32).fill(0xff).fill(0x0f, 31);
/** Nonces per batch: few, as the debug builds are unoptimised. */
const BATCH = 256;

function sha256d(nonce: number): Buffer {
  const h = Buffer.from(genesisHeader);
  h.writeUInt32LE(nonce >>> 0, 76);
  return createHash('sha256').update(createHash('sha256').update(h).digest()).digest();
}
/** Compares raw hashes as little-endian 256-bit integers. */
function compareLE(a: Uint8Array, b: Uint8Array): number {
  for (let i = 31; i >= 0; i--) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The result block mine() should leave for [start, start + count), by node:crypto; hashes in hex. */
function expectedResult(start: number, count: number) {
  let shares = 0;
  let bestNonce = start;
  let bestHash = sha256d(start);
  for (let nonce = start; nonce < start + count; nonce++) {
    const hash = sha256d(nonce);
    if (compareLE(hash, bestHash) < 0) [bestNonce, bestHash] = [nonce, hash];
    if (compareLE(hash, shareTarget) <= 0) shares++;
    if (compareLE(hash, genesisTarget) <= 0) {
      return { found: 1, foundNonce: nonce, hashes: nonce - start + 1, shares, bestNonce, bestHash: hex(bestHash), foundHash: hex(hash) };
    }
  }
  return { found: 0, foundNonce: 0, hashes: count, shares, bestNonce, bestHash: hex(bestHash), foundHash: '00'.repeat(HASH_BYTES) };
}

// ---- the builds -------------------------------------------------------------------------------------

async function instantiate(url: URL): Promise<PowExports> {
  const { instance } = await WebAssembly.instantiate(readFileSync(url), {});
  return instance.exports as unknown as PowExports;
}

function prepareGenesis(x: PowExports): void {
  new Uint8Array(x.memory.buffer, x.headerPointer(), HEADER_BYTES).set(genesisHeader);
  new Uint8Array(x.memory.buffer, x.targetPointer(), HASH_BYTES).set(genesisTarget);
  new Uint8Array(x.memory.buffer, x.shareTargetPointer(), HASH_BYTES).set(shareTarget);
  x.minePrepare();
}

function readResult(x: PowExports, found: number) {
  const base = x.resultPointer();
  const view = new DataView(x.memory.buffer, base, RESULT_LAYOUT.size);
  const hash = (offset: number) => hex(new Uint8Array(x.memory.buffer, base + offset, HASH_BYTES));
  return {
    found,
    foundNonce: view.getUint32(RESULT_LAYOUT.foundNonce, true),
    hashes: view.getUint32(RESULT_LAYOUT.hashes, true),
    shares: view.getUint32(RESULT_LAYOUT.shares, true),
    bestNonce: view.getUint32(RESULT_LAYOUT.bestNonce, true),
    bestHash: hash(RESULT_LAYOUT.bestHash),
    foundHash: hash(RESULT_LAYOUT.foundHash),
  };
}

describe.each(BUILDS)('$name build: the ABI of src/engine/core/abi.ts', (build) => {
  const skip = !build.built;
  const title = (text: string) => (skip ? `${text} (not built: npm run build:wasm:debug)` : text);

  it.skipIf(skip)(title('exports exactly the names and signatures of POW_EXPORTS, and imports nothing'), () => {
    expect(readInterface(readFileSync(build.url))).toEqual({ imports: 0, exports: expectedSignatures() });
  });

  it.skipIf(skip)(title(`says it runs ${build.lanes} lane(s)`), async () => {
    expect((await instantiate(build.url)).lanes()).toBe(build.lanes);
  });

  it.skipIf(skip)(title('mine() writes the result layout: the genesis header from below its nonce, then past it'), async () => {
    const x = await instantiate(build.url);
    prepareGenesis(x);
    // Ends on the real nonce: found, so the found and best fields agree (the scan stops at the first
    // hash <= target, which is then the batch's best), and hashes, shares and the nonce all differ.
    const below = expectedResult(genesis.nonce - BATCH + 1, BATCH);
    expect(below).toMatchObject({ found: 1, foundNonce: genesis.nonce, hashes: BATCH, bestNonce: genesis.nonce });
    expect(hashToDisplayHex(Buffer.from(below.foundHash, 'hex'))).toBe(genesis.blockHash);
    expect(below.shares).toBeGreaterThan(1);
    expect(below.shares).toBeLessThan(BATCH);
    expect(readResult(x, x.mine(genesis.nonce - BATCH + 1, BATCH))).toEqual(below);
    // Just past it: nothing found, so the found fields stay zero while the best fields do not.
    const past = expectedResult(genesis.nonce + 1, BATCH);
    expect(past.found).toBe(0);
    expect(past.bestNonce).not.toBe(0);
    expect(readResult(x, x.mine(genesis.nonce + 1, BATCH))).toEqual(past);
  });

  it.skipIf(skip)(title(build.debug ? 'traps where the host breaks the contract' : 'has no contract checks (release)'), async () => {
    const misuse: [string, (x: PowExports) => void][] = [
      ['sha256Update beyond the input buffer', (x) => { x.sha256Init(); x.sha256Update(x.inputSize() + 1); }],
      ['sha256Update of a negative length', (x) => { x.sha256Init(); x.sha256Update(-1); }],
      ['sha256Update without sha256Init', (x) => x.sha256Update(0)],
      ['sha256Final twice', (x) => { x.sha256Init(); x.sha256Final(); x.sha256Final(); }],
      ['mine before minePrepare', (x) => x.mine(0, 1)],
      ['mine after changing the header without minePrepare', (x) => {
        prepareGenesis(x);
        new Uint8Array(x.memory.buffer, x.headerPointer(), HEADER_BYTES)[4]! ^= 1;
        x.mine(0, 1);
      }],
      ['mine after changing the share target without minePrepare', (x) => {
        prepareGenesis(x);
        new Uint8Array(x.memory.buffer, x.shareTargetPointer(), HASH_BYTES)[0]! ^= 1;
        x.mine(0, 1);
      }],
    ];
    for (const [what, use] of misuse) {
      const x = await instantiate(build.url);
      // A failed assert is `unreachable` (asconfig.json: abort= leaves no import to call).
      if (build.debug) expect(() => use(x), what).toThrow(/unreachable/);
      else expect(() => use(x), what).not.toThrow();
    }
    // The header's nonce field is not part of the job: writing it is no misuse.
    const x = await instantiate(build.url);
    prepareGenesis(x);
    new Uint8Array(x.memory.buffer, x.headerPointer(), HEADER_BYTES)[76]! ^= 1;
    expect(() => x.mine(0, 1)).not.toThrow();
  });
});
