// The run panel: the form that says what to measure (length, threads, core build, device name), the
// buttons that start, pause and stop a job, and the lines that say how it goes: progress, status,
// an error, a figure that is not a score, another screen that holds the CPU.

import { adapterName, EMULATED_LABEL } from '../../../engine/gpu/adapter.js';
import { probePageGpu } from '../../../engine/gpu/page-gpu.js';
import { browserSimdSupported } from '../../../engine/mining/browser-pool.js';
import type { Holder } from '../../../engine/mining/registry.js';
import type { Backend, BenchKind } from '../../../model/bench-result.js';
import { showBusyNotice } from '../../shared/busy-notice.js';
import { find, h } from '../../shared/dom.js';
import { Field, ThreadsField } from '../../shared/fields.js';
import { formatDuration } from '../../shared/format.js';
import { CUSTOM_SECONDS, planFor, PRESETS, WARMUP_SECONDS, type Job } from './job.js';
import type { UrlRun } from './url-run.js';

type Preset = keyof typeof PRESETS | 'custom';

export interface RunActions {
  start(job: Job): void;
  pause(): void;
  stop(): void;
}

export class RunPanel {
  readonly simdOk = browserSimdSupported();
  private readonly form: HTMLFormElement;
  private readonly presets: HTMLInputElement[];
  private readonly backends: HTMLInputElement[];
  /** False until the probe finds an adapter: WebGPU and hybrid stay off. */
  private gpuOk = false;
  private readonly secondsBox: HTMLElement;
  private readonly seconds: Field;
  readonly threads: ThreadsField;
  private readonly label: HTMLInputElement;
  private readonly simd: HTMLInputElement;
  private readonly stable: HTMLInputElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly sweepButton: HTMLButtonElement;
  private readonly simdCompare: HTMLButtonElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly statusLine: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly disturbedNote: HTMLElement;
  private readonly busySlot: HTMLElement;
  private removeBusy: (() => void) | undefined;

  constructor(
    private readonly root: HTMLElement,
    actions: RunActions,
  ) {
    this.form = find<HTMLFormElement>(root, 'bench-form');
    this.presets = [...root.querySelectorAll<HTMLInputElement>('input[name="bench-preset"]')];
    this.backends = [...root.querySelectorAll<HTMLInputElement>('input[name="bench-backend"]')];
    this.secondsBox = find(root, 'bench-seconds-field');
    this.seconds = new Field(root, 'bench-seconds');
    this.threads = new ThreadsField(root, 'bench-threads');
    this.label = find<HTMLInputElement>(root, 'bench-label');
    this.simd = find<HTMLInputElement>(root, 'bench-simd');
    this.stable = find<HTMLInputElement>(root, 'bench-stable');
    this.pauseButton = find<HTMLButtonElement>(root, 'bench-pause');
    this.stopButton = find<HTMLButtonElement>(root, 'bench-stop');
    this.sweepButton = find<HTMLButtonElement>(root, 'bench-sweep');
    this.simdCompare = find<HTMLButtonElement>(root, 'bench-simd-compare');
    this.progressBar = find<HTMLProgressElement>(root, 'bench-progress');
    this.statusLine = find(root, 'bench-status');
    this.errorBox = find(root, 'bench-error');
    this.disturbedNote = find(root, 'bench-disturbed');
    this.busySlot = find(root, 'bench-busy');

    if (!this.simdOk) {
      this.simd.checked = false;
      this.simd.disabled = true;
      this.simdCompare.disabled = true;
      find(root, 'bench-simd-hint').hidden = false;
    }

    this.setGpuOptions();
    this.gpuReady = probePageGpu().then((probe) => {
      const status = find(root, 'bench-gpu-status');
      this.gpuOk = probe.ok;
      status.dataset['available'] = String(probe.ok);
      if (probe.ok) {
        status.dataset['emulated'] = String(probe.facts.emulated);
        status.textContent = `WebGPU adapter: ${adapterName(probe.facts)}${probe.facts.emulated ? ` (${EMULATED_LABEL})` : ''}. The GPU's every candidate hash is checked again by the WebAssembly core. Sweeps and SIMD comparisons use the CPU alone.`;
      } else {
        status.textContent = `${probe.reason} The CPU (WebAssembly) benchmark works as before.`;
      }
      this.setGpuOptions();
    });
    for (const input of this.backends) input.addEventListener('change', () => this.setGpuOptions());

    for (const input of this.presets) {
      input.addEventListener('change', () => {
        this.secondsBox.hidden = this.preset() !== 'custom';
        if (this.preset() !== 'custom') this.seconds.clear();
        this.updateSweepLabel();
      });
    }
    this.seconds.input.addEventListener('input', () => {
      this.readSeconds();
      this.updateSweepLabel();
    });
    this.updateSweepLabel();

    const startFromForm = (kind: BenchKind) => {
      const job = this.jobFromForm(kind);
      if (job) actions.start(job);
    };
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      startFromForm('run');
    });
    this.sweepButton.addEventListener('click', () => startFromForm('sweep'));
    this.simdCompare.addEventListener('click', () => startFromForm('simd'));
    this.pauseButton.addEventListener('click', () => actions.pause());
    this.stopButton.addEventListener('click', () => actions.stop());
  }

  /** Resolves once the WebGPU probe has answered (a link's run waits for it). */
  readonly gpuReady: Promise<void>;

  backend(): Backend {
    const chosen = (this.backends.find((i) => i.checked)?.value as Backend | undefined) ?? 'wasm';
    return this.gpuOk ? chosen : 'wasm';
  }

  /** WebGPU and hybrid only with an adapter; the thread count means nothing to the GPU alone. */
  private setGpuOptions(running = this.root.dataset['state'] === 'running'): void {
    for (const input of this.backends) {
      if (input.value !== 'wasm') input.disabled = running || !this.gpuOk;
      if (!this.gpuOk && input.value === 'wasm') input.checked = true;
    }
    const gpuAlone = this.backend() === 'webgpu';
    this.threads.input.disabled = running || gpuAlone;
  }

  private preset(): Preset {
    return (this.presets.find((i) => i.checked)?.value as Preset | undefined) ?? 'quick';
  }

  private readSeconds(): number | undefined {
    const preset = this.preset();
    if (preset !== 'custom') return PRESETS[preset];
    return this.seconds.read((text) => {
      const n = Number(text);
      if (text === '') throw new RangeError('Enter how many seconds to measure.');
      if (!Number.isFinite(n)) throw new RangeError(`“${text}” is not a number of seconds.`);
      if (n < CUSTOM_SECONDS.min || n > CUSTOM_SECONDS.max) throw new RangeError(`Choose from ${CUSTOM_SECONDS.min} to ${CUSTOM_SECONDS.max} seconds.`);
      return n;
    });
  }

  private updateSweepLabel(): void {
    const preset = this.preset();
    const seconds = preset === 'custom' ? Number(this.seconds.value) : PRESETS[preset];
    const cores = this.threads.max;
    // Say the total only for a length that makes sense; the seconds field explains a bad one.
    const total = Number.isFinite(seconds) && seconds > 0 ? ` (about ${formatDuration(cores * (seconds + WARMUP_SECONDS))})` : '';
    this.sweepButton.textContent = `Thread sweep 1–${cores}${total}`;
  }

  /** The job the form describes, or undefined with the bad field's message shown and focused. */
  private jobFromForm(kind: BenchKind): Job | undefined {
    const seconds = this.readSeconds();
    const threads = this.threads.threads();
    if (seconds === undefined || threads === undefined) {
      (seconds === undefined ? this.seconds : this.threads).input.focus();
      return undefined;
    }
    const simd = this.simd.checked && this.simdOk;
    const stable = this.stable.checked;
    const base = { kind, label: this.label.value.trim(), origin: '' };
    if (kind === 'sweep') return { ...base, plans: Array.from({ length: this.threads.max }, (_, i) => planFor(i + 1, simd, seconds, stable)) };
    if (kind === 'simd') return { ...base, plans: [planFor(threads, true, seconds, stable), planFor(threads, false, seconds, stable)] };
    return { ...base, plans: [planFor(threads, simd, seconds, stable, WARMUP_SECONDS, this.backend())] };
  }

  /**
   * Shows a link's run in the form (custom length) and returns its job, or a sentence when the link
   * asks for WebGPU and this page has none.
   */
  async jobFromUrl(run: UrlRun): Promise<Job | string> {
    await this.gpuReady;
    if (run.backend !== 'wasm' && !this.gpuOk) return find(this.root, 'bench-gpu-status').textContent ?? 'WebGPU is not available here.';
    this.backends.find((i) => i.value === run.backend)!.checked = true;
    this.setGpuOptions();
    this.presets.find((i) => i.value === 'custom')!.checked = true;
    this.secondsBox.hidden = false;
    this.seconds.value = String(run.seconds);
    this.threads.value = String(run.threads);
    if (run.simd !== undefined && this.simdOk) this.simd.checked = run.simd;
    this.stable.checked = run.stopWhenStable;
    this.updateSweepLabel();
    const simd = this.simd.checked && this.simdOk;
    return { kind: 'run', label: '', origin: 'From the link: ', plans: [planFor(run.threads, simd, run.seconds, run.stopWhenStable, run.warmupSeconds, run.backend)] };
  }

  /** Locks the form while a job runs; only pause and stop work then. */
  setRunning(on: boolean): void {
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')) {
      if (control === this.pauseButton || control === this.stopButton) control.disabled = !on;
      else if (control === this.simd || control === this.simdCompare) control.disabled = on || !this.simdOk;
      else control.disabled = on;
    }
    this.root.dataset['state'] = on ? 'running' : 'idle';
    this.setGpuOptions(on);
    this.setPaused(false);
    this.root.dataset['state'] = on ? 'running' : 'idle';
  }

  setPaused(paused: boolean): void {
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
  }

  /** A new job begins: no error, no warning, no notice, an empty bar. */
  reset(): void {
    this.showError(null);
    this.showDisturbed(null);
    this.removeBusy?.();
    this.progress(0);
  }

  status(text: string): void {
    this.statusLine.textContent = text;
  }

  progress(fraction: number): void {
    this.progressBar.value = fraction;
  }

  showError(message: string | null): void {
    this.errorBox.textContent = message ?? '';
    this.errorBox.hidden = message === null;
  }

  /** Says that the figure is no score because `text` (who else used the CPU); null hides it. */
  showDisturbed(text: string | null): void {
    this.disturbedNote.textContent = text ?? '';
    this.disturbedNote.hidden = text === null;
  }

  /** Another screen holds the CPU: nothing started; the notice names it and can stop it. */
  showBusy(busy: Holder): void {
    this.removeBusy?.();
    this.removeBusy = showBusyNotice(this.busySlot, busy, 'a figure measured now would be depressed by it.');
  }

  /** A benchmark link that cannot run: each problem in a list. */
  showUrlProblems(problems: readonly string[]): void {
    const box = find(this.root, 'bench-url-error');
    box.hidden = false;
    box.replaceChildren(
      h('strong', { text: 'The benchmark link has a problem, so nothing was started:' }),
      h('ul', {}, ...problems.map((p) => h('li', { text: p }))),
    );
  }
}
