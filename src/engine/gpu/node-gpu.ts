/// <reference types="@webgpu/types" />
// WebGPU for Node (the CLI): Dawn's bindings from the optional `webgpu` package, which ships Dawn's binary
// and needs a Vulkan loader (libvulkan1) and driver at run time. One sentence when it cannot serve; the
// miner itself (miner.ts) is the page's, unchanged.

import { messageOf } from '../../model/validate.js';

export type NodeGpu = { ok: true; gpu: GPU } | { ok: false; reason: string };

let loaded: Promise<NodeGpu> | undefined;

export function nodeGpu(): Promise<NodeGpu> {
  loaded ??= (async (): Promise<NodeGpu> => {
    // A name in a variable: the package is optional, so the build must not need its types.
    const name = 'webgpu';
    let dawn: { create(options: string[]): GPU; globals: object };
    try {
      dawn = (await import(name)) as typeof dawn;
    } catch (error) {
      return { ok: false, reason: `WebGPU for Node is not available: the optional "webgpu" package could not be loaded (${messageOf(error)}); install it with npm install webgpu.` };
    }
    // Dawn's GPUBufferUsage, GPUMapMode, ... as a browser defines them.
    Object.assign(globalThis, dawn.globals);
    return { ok: true, gpu: dawn.create([]) };
  })();
  return loaded;
}
