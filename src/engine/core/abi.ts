// The exports of build/wasm/pow.wasm and pow.simd.wasm (assembly/abi.ts, plus mine and lanes from
// assembly/index.ts and index.simd.ts), typed by hand. Both builds, and their debug builds, export exactly
// these names; test/unit/core.abi.test.ts checks every build against POW_EXPORTS.

export interface PowExports {
  readonly memory: WebAssembly.Memory;
  inputPointer(): number;
  inputSize(): number;
  digestPointer(): number;
  headerPointer(): number;
  targetPointer(): number;
  shareTargetPointer(): number;
  resultPointer(): number;
  sha256Init(): void;
  sha256Update(length: number): void;
  sha256Final(): void;
  minePrepare(): void;
  /** Returns 1 when a nonce meeting the target was found in [start, start + count). */
  mine(start: number, count: number): number;
  lanes(): number;
}

/**
 * How one export looks from outside the module: the memory, or a function of i32 parameters (numbers)
 * returning an i32 or nothing. Anything else in PowExports has no shape (never), so cannot be listed.
 */
export type ExportShape<T> = T extends WebAssembly.Memory
  ? { kind: 'memory' }
  : T extends (...args: infer P extends number[]) => infer R
    ? { kind: 'function'; params: P['length']; result: [R] extends [void] ? 'none' : [R] extends [number] ? 'i32' : never }
    : never;

/**
 * Every export of PowExports, by name, with its shape. `satisfies` makes the type checker hold this table
 * and the interface to the same names, parameter counts and results, so neither can change alone; the
 * test holds each wasm build to this table.
 */
export const POW_EXPORTS = {
  memory: { kind: 'memory' },
  inputPointer: { kind: 'function', params: 0, result: 'i32' },
  inputSize: { kind: 'function', params: 0, result: 'i32' },
  digestPointer: { kind: 'function', params: 0, result: 'i32' },
  headerPointer: { kind: 'function', params: 0, result: 'i32' },
  targetPointer: { kind: 'function', params: 0, result: 'i32' },
  shareTargetPointer: { kind: 'function', params: 0, result: 'i32' },
  resultPointer: { kind: 'function', params: 0, result: 'i32' },
  sha256Init: { kind: 'function', params: 0, result: 'none' },
  sha256Update: { kind: 'function', params: 1, result: 'none' },
  sha256Final: { kind: 'function', params: 0, result: 'none' },
  minePrepare: { kind: 'function', params: 0, result: 'none' },
  mine: { kind: 'function', params: 2, result: 'i32' },
  lanes: { kind: 'function', params: 0, result: 'i32' },
} as const satisfies { readonly [K in keyof PowExports]-?: ExportShape<PowExports[K]> };

/** Byte offsets in the result block written by mine() (assembly/pow.ts, RESULT). */
export const RESULT_LAYOUT = {
  foundNonce: 0,
  hashes: 4,
  shares: 8,
  bestNonce: 12,
  bestHash: 16,
  foundHash: 48,
  size: 80,
} as const;

export const HEADER_BYTES = 80;
export const HASH_BYTES = 32;
export const MAX_NONCE = 0xffffffff;
