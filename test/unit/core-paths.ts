// Every core test runs against both builds: the scalar core and the 4-lane SIMD core.
import { instantiateCore, type PowCore } from '../../src/engine/core/core.js';
import { compileCore } from '../../src/engine/core/wasm-node.js';

export const CORE_PATHS = [
  { name: 'scalar', simd: false },
  { name: 'simd', simd: true },
] as const;

export async function loadCore(simd: boolean): Promise<PowCore> {
  const compiled = await compileCore(simd);
  if (compiled.simd !== simd) throw new Error('this runtime lacks WebAssembly SIMD; the SIMD path cannot be tested');
  return instantiateCore(compiled.module, compiled.simd);
}
