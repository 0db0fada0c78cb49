/// <reference types="@webgpu/types" />
// Finding a WebGPU adapter and saying what it is. The GPU object is a parameter (navigator.gpu in the
// page, the `webgpu` package's in Node), so nothing here touches the DOM. Every way of not getting an
// adapter ends in one sentence for a person, never a throw the caller has to guess at.

import type { AdapterFacts as RecordedAdapter } from '../../model/bench-result.js';
import { messageOf } from '../../model/validate.js';

/**
 * What the adapter says about itself (GPUAdapterInfo and the fallback flag, as a result file records
 * them), and whether it is a CPU emulation.
 */
export interface AdapterFacts extends RecordedAdapter {
  /**
   * True for a fallback adapter or a known software rasteriser (SwiftShader, llvmpipe, lavapipe,
   * Microsoft Basic Render): its rate is the CPU's, and must never be shown as a GPU figure.
   */
  emulated: boolean;
}

/** The label beside any rate measured on an emulated adapter. */
export const EMULATED_LABEL = 'emulated on the CPU, not a GPU figure';

const SOFTWARE_ADAPTERS = /swiftshader|llvmpipe|lavapipe|microsoft basic render/i;

export type AdapterResult =
  | { ok: true; adapter: GPUAdapter; facts: AdapterFacts }
  | { ok: false; reason: string };

/** The facts of an adapter: `adapter.info` where the browser has it, else requestAdapterInfo(). */
export async function adapterFacts(adapter: GPUAdapter): Promise<AdapterFacts> {
  type Legacy = GPUAdapter & { requestAdapterInfo?: () => Promise<GPUAdapterInfo>; isFallbackAdapter?: boolean };
  const legacy = adapter as Legacy;
  let info: Partial<GPUAdapterInfo> | undefined = (adapter as Partial<GPUAdapter>).info;
  if (!info && typeof legacy.requestAdapterInfo === 'function') {
    try {
      info = await legacy.requestAdapterInfo();
    } catch {
      info = undefined;
    }
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const fallback = (info as { isFallbackAdapter?: unknown } | undefined)?.isFallbackAdapter ?? legacy.isFallbackAdapter;
  const facts = {
    vendor: text(info?.vendor),
    architecture: text(info?.architecture),
    device: text(info?.device),
    description: text(info?.description),
    isFallbackAdapter: fallback === true,
  };
  return { ...facts, emulated: isEmulated(facts) };
}

/** Whether an adapter with these facts runs on the CPU. */
export function isEmulated(facts: Omit<AdapterFacts, 'emulated'>): boolean {
  return facts.isFallbackAdapter || SOFTWARE_ADAPTERS.test([facts.vendor, facts.architecture, facts.device, facts.description].join(' '));
}

/** A short name for the adapter: "google swiftshader", "nvidia ampere (NVIDIA GeForce RTX 3070)". */
export function adapterName(facts: AdapterFacts): string {
  const base = [facts.vendor, facts.architecture].filter(Boolean).join(' ') || 'unnamed adapter';
  const more = facts.description || facts.device;
  return more && !base.includes(more) ? `${base} (${more})` : base;
}

/**
 * Asks `gpu` for an adapter (high performance preferred). Resolves, never rejects: without WebGPU, with
 * no adapter, or when the request is refused, `reason` is one sentence saying so.
 */
export async function requestAdapter(gpu: GPU | undefined | null): Promise<AdapterResult> {
  if (!gpu || typeof gpu.requestAdapter !== 'function') {
    return { ok: false, reason: 'WebGPU is not available here: this browser (or runtime) has no navigator.gpu.' };
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { ok: false, reason: `WebGPU is not available here: the request for a GPU adapter was refused (${messageOf(error)}).` };
  }
  if (!adapter) {
    return { ok: false, reason: 'WebGPU is not available here: the browser found no usable GPU adapter (it may be switched off or blocked).' };
  }
  return { ok: true, adapter, facts: await adapterFacts(adapter) };
}
