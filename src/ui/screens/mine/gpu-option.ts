// "Mine on the GPU" beside the thread count: offered when this page has a WebGPU adapter, disabled
// with one sentence when it has none, and labelled "emulated on the CPU, not a GPU figure" when the
// adapter is a software one (SwiftShader and the like), as its rate is the processor's.

import { adapterName, EMULATED_LABEL, type AdapterFacts } from '../../../engine/gpu/adapter.js';
import type { GpuMiner } from '../../../engine/gpu/miner.js';
import { probePageGpu } from '../../../engine/gpu/page-gpu.js';
import { find } from '../../shared/dom.js';
import type { Searcher } from './mining-run.js';

export class GpuOption {
  readonly input: HTMLInputElement;
  private readonly dutySelect: HTMLSelectElement;
  private readonly note: HTMLElement;
  /** The adapter, once the probe has found one. */
  facts: AdapterFacts | undefined;

  constructor(root: HTMLElement) {
    this.input = find<HTMLInputElement>(root, 'mine-gpu');
    this.dutySelect = find<HTMLSelectElement>(root, 'mine-gpu-duty');
    this.input.addEventListener('change', () => this.lock(false));
    this.note = find(root, 'mine-gpu-note');
    void probePageGpu().then((found) => {
      if (!found.ok) {
        this.input.checked = false;
        this.input.disabled = true;
        this.note.textContent = `${found.reason} Mining uses the threads above.`;
        this.note.dataset['state'] = 'unavailable';
        return;
      }
      this.facts = found.facts;
      this.lock(false);
      const name = adapterName(found.facts);
      this.note.dataset['state'] = found.facts.emulated ? 'emulated' : 'available';
      this.note.textContent = found.facts.emulated
        ? `WebGPU adapter: ${name}, ${EMULATED_LABEL}. It hashes on the processor, usually slower than the threads; every hash it reports is checked again on the CPU.`
        : `WebGPU adapter: ${name}. Every hash it reports is checked again on the CPU.`;
    });
  }

  /** True when the next run should go to the GPU. */
  get chosen(): boolean {
    return this.input.checked && !this.input.disabled;
  }

  /** Share of the time the GPU works, from the load option (1, 0.5 or 0.25). */
  get duty(): number {
    const d = Number(this.dutySelect.value);
    return d > 0 && d <= 1 ? d : 1;
  }

  /** Whether to lock the choice while a run is on. */
  lock(locked: boolean): void {
    this.input.disabled = locked || this.facts === undefined;
    this.dutySelect.disabled = locked || this.facts === undefined || !this.input.checked;
  }
}

/** The GPU miner as a run's backend: its hashes count as one worker's. */
export function gpuSearcher(miner: GpuMiner, duty = 1): Searcher {
  return {
    search: (job, start, count, options) =>
      miner.search(job, start, count, {
        duty,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onBatch ? { onProgress: options.onBatch } : {}),
        ...(options.onIncident ? { onIncident: options.onIncident } : {}),
      }),
    hashesByWorker: () => [miner.hashesDone()],
    pause: () => miner.pause(),
    resume: () => miner.resume(),
  };
}
