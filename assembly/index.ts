// The scalar build (build/wasm/pow.wasm): the shared ABI, and a nonce loop one nonce at a time.

import { mineWith } from './pow';

export * from './abi';

/** Scans nonces [start, start + count) and stops at the first that meets the target; 1 if found. */
export function mine(start: u32, count: u32): u32 { return mineWith<u32>(start, count); }
/** Nonces hashed side by side by mine(). */
export function lanes(): i32 { return 1; }
