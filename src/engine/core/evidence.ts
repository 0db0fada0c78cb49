// What a core must get right before any figure is taken from it, and the record of it that goes into
// a benchmark result: the genesis block's known nonce and hash, found by mining from just below it,
// and the checksum workload (src/model/workload-checksum.ts) run through the same mine() path the
// benchmark times.

import type { PowCore } from './core.js';
import { GENESIS } from './known-answer.js';
import { hashToDisplayHex } from '../../model/header.js';
import { hexToBytes } from '../../model/validate.js';
import { CHECKSUM_V1, CHECKSUM_WORKLOAD, checksumSlice, foldChecksum, type SliceBooks, type WorkloadChecksum } from '../../model/workload-checksum.js';

/** What one core found: the raw material of a result's evidence. */
export interface CoreFindings {
  /** The genesis solution as this core found it; null fields when it found none. */
  knownAnswer: { nonce: number | null; hash: string | null };
  checksum: WorkloadChecksum;
}

export function runKnownAnswer(core: PowCore): CoreFindings['knownAnswer'] {
  core.prepare({ header: hexToBytes(GENESIS.headerHex, 'header', 80), target: hexToBytes(GENESIS.targetLittleEndianHex, 'target', 32) });
  const r = core.mineRange(GENESIS.nonce - 1000, 2000);
  return r.found && r.nonce !== undefined && r.hash ? { nonce: r.nonce, hash: hashToDisplayHex(r.hash) } : { nonce: null, hash: null };
}

export function runChecksumWorkload(core: PowCore): WorkloadChecksum {
  core.prepare({
    header: hexToBytes(CHECKSUM_WORKLOAD.headerHex, 'header', 80),
    target: new Uint8Array(32),
    shareTarget: hexToBytes(CHECKSUM_WORKLOAD.shareTargetLittleEndianHex, 'shareTarget', 32),
  });
  const books: SliceBooks[] = [];
  for (let k = 0; k < CHECKSUM_WORKLOAD.slices; k++) {
    const { start, count } = checksumSlice(k);
    const r = core.mineRange(start, count);
    books.push({ bestNonce: r.bestNonce, shares: r.shares, bestHash: r.bestHash });
  }
  return foldChecksum(books);
}

export function findings(core: PowCore): CoreFindings {
  return { knownAnswer: runKnownAnswer(core), checksum: runChecksumWorkload(core) };
}

/** Null when the findings are right; otherwise what differed, fit to show. */
export function findingsProblem(f: CoreFindings): string | null {
  const { nonce, hash } = f.knownAnswer;
  if (nonce !== GENESIS.nonce || hash !== GENESIS.hash) {
    return `core self-test failed: expected nonce ${GENESIS.nonce} and hash ${GENESIS.hash}, got ${nonce === null ? 'no solution' : `${nonce} ${hash}`}`;
  }
  if (f.checksum.value !== CHECKSUM_V1) {
    return `core self-test failed: the ${CHECKSUM_WORKLOAD.id} checksum should be ${CHECKSUM_V1}, got ${f.checksum.value}`;
  }
  return null;
}
