// The ABI that both builds share, re-exported by index.ts (scalar) and index.simd.ts (SIMD), which add
// only what differs: their instantiation of mine() and lanes(). The host types these exports by hand in
// src/engine/core/abi.ts; test/unit/core.abi.test.ts checks every build against that file.
//
// Host contract: write into the buffers whose addresses these functions return, then call.
//   Hashing: sha256Init(), then sha256Update(n) for each chunk of n bytes written at inputPointer()
//   (0 <= n <= inputSize()), then sha256Final(); the 32-byte digest is at digestPointer().
//   Mining: write the 80-byte header at headerPointer(), the target and the share target (32 bytes each,
//   little-endian; a zero share target counts no shares) at targetPointer() and shareTargetPointer(),
//   call minePrepare() once per job, then mine(start, count) per batch; the batch's books are at
//   resultPointer() (layout in pow.ts, RESULT).
// The debug builds (asconfig.json targets debug and debug-simd) trap where a host breaks this contract.

import { DIGEST, INPUT, INPUT_SIZE, streamFinal, streamInit, streamUpdate } from './sha256';
import { HEADER, RESULT, SHARE_TARGET, TARGET, prepare } from './pow';

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
