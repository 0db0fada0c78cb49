// The WebGPU backend's public surface: find an adapter and say what it is, open a miner with the same
// contract as the WebAssembly core's search, and the kernel's shape. See docs/gpu.md.
export { adapterFacts, adapterName, EMULATED_LABEL, isEmulated, requestAdapter, type AdapterFacts, type AdapterResult } from './adapter.js';
export {
  openGpuMiner, type GpuMiner, type GpuMinerOptions, type GpuMinerResult, type GpuSearchOptions, type GpuSearchOutcome, type Sha256d,
} from './miner.js';
export { KERNEL_WGSL, NONCES_PER_INVOCATION, NONCES_PER_WORKGROUP, WORKGROUP_SIZE } from './kernel.js';
