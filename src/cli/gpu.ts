// The CLI's WebGPU: the page's miner (engine/gpu) on Node's WebGPU bindings, its every candidate hash
// checked by the wasm core in this process, itself self-tested first. No adapter is bad input for
// --gpu (exit 2, one sentence); a core that fails its self-test is a failure of the program (exit 3).

import { instantiateCore } from '../engine/core/core.js';
import { findings, findingsProblem } from '../engine/core/evidence.js';
import { compileCore } from '../engine/core/wasm-node.js';
import { EMULATED_LABEL, adapterName, type AdapterFacts } from '../engine/gpu/adapter.js';
import { openGpuMiner, type GpuMiner } from '../engine/gpu/miner.js';
import { nodeGpu } from '../engine/gpu/node-gpu.js';
import type { CoreEvidence } from '../model/bench-result.js';
import { InputError } from '../model/validate.js';

export interface CliGpu {
  miner: GpuMiner;
  /** The verifying core's evidence, as a benchmark result records it. */
  evidence: CoreEvidence;
}

export async function openCliGpu(): Promise<CliGpu> {
  const { module, simd, wasmSha256 } = await compileCore(true);
  const core = await instantiateCore(module, simd);
  const found = findings(core);
  const problem = findingsProblem(found);
  if (problem) throw new Error(problem);
  const gpu = await nodeGpu();
  if (!gpu.ok) throw new InputError('--gpu', gpu.reason);
  if (!(await gpu.gpu.requestAdapter({ powerPreference: 'high-performance' }))) {
    throw new InputError('--gpu', "no WebGPU adapter: Node's WebGPU (Dawn, from the webgpu package) found no GPU; it needs the Vulkan loader (libvulkan1) and a Vulkan driver for a GPU");
  }
  const opened = await openGpuMiner(gpu.gpu, { verify: async (header) => core.sha256d(header) });
  if (!opened.ok) throw new InputError('--gpu', opened.reason);
  return {
    miner: opened.miner,
    evidence: {
      core: { build: simd ? 'simd' : 'scalar', lanes: core.lanes, wasmSha256 },
      knownAnswer: { block: 'genesis', nonce: found.knownAnswer.nonce!, hash: found.knownAnswer.hash! },
      checksum: found.checksum,
    },
  };
}

/** The adapter as the JSON output carries it, and its name for the text lines. */
export function adapterSummary(facts: AdapterFacts): { adapter: AdapterFacts; name: string } {
  return { adapter: facts, name: `${adapterName(facts)}${facts.emulated ? ` (${EMULATED_LABEL})` : ''}` };
}
