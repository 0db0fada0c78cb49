// The SIMD build (build/wasm/pow.simd.wasm): the shared ABI, and a nonce loop four nonces at a time in
// v128 lanes. Exactly the same exports as index.ts.

import { mineWith } from './pow';

export * from './abi';

/** Scans nonces [start, start + count) and stops at the first that meets the target; 1 if found. */
export function mine(start: u32, count: u32): u32 { return mineWith<v128>(start, count); }
/** Nonces hashed side by side by mine(). */
export function lanes(): i32 { return 4; }
