// The check of an imported benchmark result on this device: the checksum workload
// (model/workload-checksum.ts) is run again here by the page's one-worker core and compared with the
// checksum every run of the file recorded. About 65,000 hashes (tens of milliseconds), run only when
// nothing else is hashing, so it never depresses a figure being measured; it waits otherwise.

import { hashPool } from '../../engine/mining/hash-core.js';
import { hashing } from '../../engine/mining/hashing.js';
import { hasEvidence, type BenchResult } from '../../model/bench-result.js';
import { messageOf } from '../../model/validate.js';
import { CHECKSUM_V1, CHECKSUM_WORKLOAD } from '../../model/workload-checksum.js';

export type ResultCheck =
  | { state: 'waiting'; busy: string }
  | { state: 'checking' }
  /** Every run's checksum equals the one computed here. */
  | { state: 'confirmed'; value: string }
  /** A run's checksum differs from the one computed here: its figures cannot be trusted. */
  | { state: 'mismatch'; file: string; here: string }
  /** A file of format version 1: it recorded no checksum. */
  | { state: 'no-evidence' }
  /** This device could not run the check (its own core failed it, or could not start). */
  | { state: 'failed'; message: string };

const OWNER = 'the check of an imported result';

let running: Promise<string> | undefined;

/** The checksum as this device computes it, once per page (the workload never changes). */
function checksumHere(): Promise<string> {
  running ??= (async () => {
    const done = hashing.task(OWNER, () => undefined);
    try {
      const pool = await hashPool();
      return (await pool.checksum()).value;
    } finally {
      done();
    }
  })();
  running.catch(() => (running = undefined));
  return running;
}

function whenNobodyHashes(onWait: (busy: string) => void): Promise<void> {
  return new Promise((resolve) => {
    let unwatch: (() => void) | undefined;
    let settled = false;
    unwatch = hashing.watch((holders) => {
      if (settled) return;
      if (holders.length === 0) {
        settled = true;
        unwatch?.();
        resolve();
      } else onWait(holders[0]!.owner);
    });
    if (settled) unwatch();
  });
}

/** Checks `result` here; `onChange` hears every state, the last being the verdict. */
export async function checkResultHere(result: BenchResult, onChange: (check: ResultCheck) => void): Promise<ResultCheck> {
  const verdict = await (async (): Promise<ResultCheck> => {
    if (!hasEvidence(result)) return { state: 'no-evidence' };
    await whenNobodyHashes((busy) => onChange({ state: 'waiting', busy }));
    onChange({ state: 'checking' });
    let here: string;
    try {
      here = await checksumHere();
    } catch (error) {
      return { state: 'failed', message: `the core here could not run the check (${messageOf(error)})` };
    }
    if (here !== CHECKSUM_V1) return { state: 'failed', message: `this device's own core gets the ${CHECKSUM_WORKLOAD.id} checksum wrong (${here}), so it cannot check others` };
    const wrong = result.runs.find((r) => r.evidence!.checksum.value !== here);
    return wrong ? { state: 'mismatch', file: wrong.evidence!.checksum.value, here } : { state: 'confirmed', value: here };
  })();
  onChange(verdict);
  return verdict;
}

/** One short phrase for a check, as a list or a badge shows it. */
export function checkPhrase(check: ResultCheck): string {
  switch (check.state) {
    case 'waiting':
      return `checksum not checked yet: waiting for ${check.busy} to finish`;
    case 'checking':
      return 'checking its checksum here…';
    case 'confirmed':
      return 'checksum confirmed here';
    case 'mismatch':
      return 'checksum mismatch: its figures cannot be trusted';
    case 'no-evidence':
      return 'no checksum to check (made by an older PoW Lab, format version 1)';
    case 'failed':
      return `checksum not checked: ${check.message}`;
  }
}
