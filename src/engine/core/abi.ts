// The exports of build/wasm/pow.wasm and pow.simd.wasm (assembly/index.ts), typed by hand.
// Both builds export exactly these names.

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

/** Byte offsets in the result block written by mine(). */
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
