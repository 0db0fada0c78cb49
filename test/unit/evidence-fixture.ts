// Evidence as a correct core records it (both builds compute these; workload-checksum.test.ts checks
// them against an independent computation), for tests that build result files.
import type { CoreEvidence } from '../../src/model/bench-result.js';

export const EVIDENCE: CoreEvidence = {
  core: { build: 'simd', lanes: 4, wasmSha256: '9e48d15d47eecd994570792579d00d927cbef2462b6e37dd805123167d5bb43a' },
  knownAnswer: { block: 'genesis', nonce: 2083236893, hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f' },
  checksum: {
    workload: 'powlab-checksum-v1',
    value: '501796b05e4fe0291ef2911f4c084c29dd1fddf5a0a51344c9769a25997f7bac',
    shares: 4138,
    bestNonce: 8603,
    bestHash: '00007cc6ec08c5d53c32ceaf6e8309c32eb07fc903a94ec77ac2bf6e48f7adb3',
  },
};
