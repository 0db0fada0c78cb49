// Typed loaders for the vetted known answers in /work/shared/vectors (beside this checkout). Each file
// names its own provenance in `source`; the loaders keep it so a failing test can say where the
// expected value came from. A malformed file fails loudly here rather than as a vague test failure.
import { readFileSync } from 'node:fs';

function load(name: string): unknown {
  const url = new URL(`../../../shared/vectors/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

function requireArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`vectors: ${what} is missing or empty`);
  return value;
}

function requireSource(value: { source?: unknown }, file: string): string {
  if (typeof value.source !== 'string' || value.source === '') throw new Error(`vectors: ${file} has no source`);
  return value.source;
}

// ---- sha256.json -------------------------------------------------------------------------------
// Source: NIST FIPS 180 examples (SHA256.txt) and NIST CAVP SHAVS byte-oriented vectors
// (SHA256ShortMsg.rsp, SHA256LongMsg.rsp, CAVS 11.0), each recomputed independently.

export interface Sha256Vector {
  name: string;
  msgHex: string;
  sha256: string;
}

export interface Sha256Vectors {
  source: string;
  vectors: Sha256Vector[];
  million_a: { name: string; repeat: string; count: number; sha256: string };
  /** The FIPS 180 two-block example's chaining value after block one, as 8 big-endian hex words. */
  midstate_example: { name: string; words: string };
}

export function loadSha256Vectors(): Sha256Vectors {
  const data = load('sha256.json') as Sha256Vectors;
  requireSource(data, 'sha256.json');
  requireArray(data.vectors, 'sha256.json vectors');
  return data;
}

// ---- headers.json ------------------------------------------------------------------------------
// Source: real Bitcoin mainnet headers from btcsuite/btcd (genesis.go, wire/msgblock_test.go,
// blockchain/validate_test.go), bitcoinjs-lib test/fixtures/block.json, and the Bitcoin wiki page
// "Block hashing algorithm" (block 125552). Each entry also carries its own `source`.

export interface HeaderVector {
  height: number;
  /** 160 hex digits, wire order. */
  headerHex: string;
  /** Display order (byte-reversed sha256d). */
  blockHash: string;
  /** nBits as "0x…" hex. */
  bits: string;
  nonce: number;
  source: string;
}

export interface HeaderVectors {
  source: string;
  headers: HeaderVector[];
}

export function loadHeaderVectors(): HeaderVectors {
  const data = load('headers.json') as HeaderVectors;
  requireSource(data, 'headers.json');
  requireArray(data.headers, 'headers.json headers');
  return data;
}

// ---- difficulty.json ---------------------------------------------------------------------------
// Source: Bitcoin Core src/test/pow_tests.cpp (retarget), src/test/arith_uint256_tests.cpp
// (bignum_SetCompact), src/test/blockchain_tests.cpp (GetDifficulty, absolute tolerance 1e-5).

export interface SetCompactVector {
  /** nBits as "0x…" hex. */
  in: string;
  /** The decoded value as hex without leading zeros (Core's GetHex, trimmed); null when overflowing. */
  hex: string | null;
  /** GetCompact(negative) of the decoded value; null when overflowing. */
  getCompact: string | null;
  negative: boolean;
  overflow: boolean;
  note?: string;
}

export interface RetargetVector {
  name: string;
  lastRetargetTime: number;
  lastHeight: number;
  lastTime: number;
  bits: string;
  expectedBits: string;
}

export interface DifficultyVector {
  bits: string;
  difficulty: number;
}

export interface DifficultyVectors {
  source: string;
  retarget: RetargetVector[];
  setCompact: SetCompactVector[];
  /** GetCompact of the value 0x80. */
  getCompactOf0x80: string;
  difficulty: DifficultyVector[];
}

export function loadDifficultyVectors(): DifficultyVectors {
  const data = load('difficulty.json') as DifficultyVectors;
  requireSource(data, 'difficulty.json');
  requireArray(data.setCompact, 'difficulty.json setCompact');
  requireArray(data.difficulty, 'difficulty.json difficulty');
  requireArray(data.retarget, 'difficulty.json retarget');
  if (typeof data.getCompactOf0x80 !== 'string') throw new Error('vectors: difficulty.json getCompactOf0x80 is missing');
  return data;
}

/** "0x1d00ffff" as in the vector files, to a uint32. */
export function hexNumber(text: string): number {
  if (!/^0x[0-9a-f]{1,8}$/i.test(text)) throw new Error(`vectors: not a 32-bit hex value: ${text}`);
  return parseInt(text.slice(2), 16) >>> 0;
}
