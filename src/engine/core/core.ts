// One instance of the proof-of-work core, typed and checked. Runs wherever WebAssembly does: Node,
// worker_threads, Web Workers, the page. Validation happens here, at the boundary; the wasm trusts it.

import { HASH_BYTES, HEADER_BYTES, MAX_NONCE, RESULT_LAYOUT, type PowExports } from './abi.js';
import type { BatchResult, MineJob } from '../mining/protocol.js';
import { InputError } from '../../model/validate.js';

export interface PowCore {
  /** True when this instance runs the 4-lane SIMD build. */
  readonly simd: boolean;
  /** Nonces hashed side by side per step: 4 for SIMD, 1 for scalar. */
  readonly lanes: number;
  sha256(data: Uint8Array): Uint8Array;
  sha256d(data: Uint8Array): Uint8Array;
  /** Sets the job that mineRange() scans. */
  prepare(job: MineJob): void;
  /**
   * Scans nonces start .. start + count - 1 in order and stops at the first that meets the target.
   * The range must lie within 0 .. 2^32 - 1.
   */
  mineRange(start: number, count: number): BatchResult;
}

export async function instantiateCore(module: WebAssembly.Module, simd: boolean): Promise<PowCore> {
  const instance = await WebAssembly.instantiate(module, {});
  return wrapCore(instance.exports as unknown as PowExports, simd);
}

function checkBytes(value: unknown, field: string, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new InputError(field, 'expected bytes (Uint8Array)');
  if (length !== undefined && value.length !== length) {
    throw new InputError(field, `expected ${length} bytes, got ${value.length}`);
  }
}

export function checkRange(start: number, count: number): void {
  if (!Number.isInteger(start) || start < 0 || start > MAX_NONCE) {
    throw new InputError('start', `nonce must be an integer in 0..${MAX_NONCE}, got ${start}`);
  }
  if (!Number.isInteger(count) || count < 1) throw new InputError('count', `must be a positive integer, got ${count}`);
  if (start + count - 1 > MAX_NONCE) {
    throw new InputError('count', `range ${start}..${start + count - 1} passes the last nonce ${MAX_NONCE}`);
  }
}

function wrapCore(x: PowExports, simd: boolean): PowCore {
  const inputSize = x.inputSize();
  let prepared = false;
  const bytes = (offset: number, length: number) => new Uint8Array(x.memory.buffer, offset, length);

  function sha256(data: Uint8Array): Uint8Array {
    checkBytes(data, 'data');
    x.sha256Init();
    const input = x.inputPointer();
    for (let offset = 0; offset < data.length; offset += inputSize) {
      const chunk = data.subarray(offset, offset + inputSize);
      bytes(input, chunk.length).set(chunk);
      x.sha256Update(chunk.length);
    }
    x.sha256Final();
    return bytes(x.digestPointer(), HASH_BYTES).slice();
  }

  return {
    simd,
    lanes: x.lanes(),
    sha256,
    sha256d: (data) => sha256(sha256(data)),
    prepare(job) {
      checkBytes(job.header, 'header', HEADER_BYTES);
      checkBytes(job.target, 'target', HASH_BYTES);
      if (job.shareTarget !== undefined) checkBytes(job.shareTarget, 'shareTarget', HASH_BYTES);
      bytes(x.headerPointer(), HEADER_BYTES).set(job.header);
      bytes(x.targetPointer(), HASH_BYTES).set(job.target);
      const share = bytes(x.shareTargetPointer(), HASH_BYTES);
      if (job.shareTarget) share.set(job.shareTarget);
      else share.fill(0);
      x.minePrepare();
      prepared = true;
    },
    mineRange(start, count) {
      if (!prepared) throw new Error('mineRange() called before prepare()');
      checkRange(start, count);
      const found = x.mine(start, count) === 1;
      const result = x.resultPointer();
      const view = new DataView(x.memory.buffer, result, RESULT_LAYOUT.size);
      const out: BatchResult = {
        found,
        hashes: view.getUint32(RESULT_LAYOUT.hashes, true),
        shares: view.getUint32(RESULT_LAYOUT.shares, true),
        bestNonce: view.getUint32(RESULT_LAYOUT.bestNonce, true),
        bestHash: bytes(result + RESULT_LAYOUT.bestHash, HASH_BYTES).slice(),
      };
      if (found) {
        out.nonce = view.getUint32(RESULT_LAYOUT.foundNonce, true);
        out.hash = bytes(result + RESULT_LAYOUT.foundHash, HASH_BYTES).slice();
      }
      return out;
    },
  };
}
