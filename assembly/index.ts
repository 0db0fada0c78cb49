// The ABI of the scalar build. The SIMD build (index.simd.ts) exports exactly the same names.
// Host contract: write into the buffers whose addresses these functions return, then call.

import { DIGEST, INPUT, INPUT_SIZE, streamFinal, streamInit, streamUpdate } from './sha256';
import { HEADER, RESULT, SHARE_TARGET, TARGET, mineWith, prepare } from './pow';

export function inputPointer(): usize { return INPUT; }
export function inputSize(): i32 { return INPUT_SIZE; }
export function digestPointer(): usize { return DIGEST; }
export function headerPointer(): usize { return HEADER; }
export function targetPointer(): usize { return TARGET; }
export function shareTargetPointer(): usize { return SHARE_TARGET; }
export function resultPointer(): usize { return RESULT; }

export function sha256Init(): void { streamInit(); }
export function sha256Update(length: i32): void { streamUpdate(length); }
export function sha256Final(): void { streamFinal(); }

export function minePrepare(): void { prepare(); }
export function mine(start: u32, count: u32): u32 { return mineWith<u32>(start, count); }
/** Nonces hashed side by side by mine(). */
export function lanes(): i32 { return 1; }
