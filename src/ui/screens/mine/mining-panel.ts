// "2. Mine it": mines the editor's block (or re-mines a block of the chain) under the page's hashing
// claim, with pause and stop, shows the live figures, checks what the workers found on this page, and
// adds it to the chain (or puts the re-mined block back in its place).

import { MAX_ZERO_BITS, MIN_ZERO_BITS, rollTime, toyHeaderBytes, toyTarget, ZERO_PREV_HASH, zeroBitsToBits } from '../../../model/block.js';
import { adapterName, EMULATED_LABEL } from '../../../engine/gpu/adapter.js';
import { parseHeader } from '../../../model/header.js';
import { bitsOfTarget } from '../../../model/mine-log.js';
import { formatBits } from '../../../model/target.js';
import { errorText, find, h } from '../../shared/dom.js';
import type { ThreadsField } from '../../shared/fields.js';
import { formatCount, plural } from '../../shared/format.js';
import { recordMinedBlock } from '../../shared/mine-log-store.js';
import type { ChainPanel } from './chain-panel.js';
import type { EditorPanel, EditorValues } from './editor-panel.js';
import type { GpuOption } from './gpu-option.js';
import { checkFound, showFound, type Found } from './found-block.js';
import { LiveFigures } from './live-figures.js';
import { MiningRun, type RunResult } from './mining-run.js';
import { SearchPanel, workDone } from './search-panel.js';

const TICK_MS = 200;
const RUNNING = 'Mining… every hash is a fresh try.';

const sampleData = (n: number): string => (n === 1 ? 'Block 1: Alice pays Bob 5 coins' : `Block ${n}: Bob pays Carol ${n} coins`);

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** What the current (or last) run is for. */
type Job = { kind: 'new'; blockNumber: number } | { kind: 'remine'; index: number };

export interface MiningParts {
  editor: EditorPanel;
  chain: ChainPanel;
  threads: ThreadsField;
  gpu: GpuOption;
}

export class MiningPanel extends SearchPanel {
  private readonly el;
  private readonly figures: LiveFigures;
  private job: Job = { kind: 'new', blockNumber: 1 };
  /** The run's block, while one is on. */
  private values: EditorValues | undefined;

  constructor(
    root: HTMLElement,
    private readonly parts: MiningParts,
    onBusy: () => void,
  ) {
    super(root, { status: 'mine-status', stop: 'mine-stop', busy: 'mine-busy' }, 'Mine a block', onBusy);
    this.el = {
      start: find<HTMLButtonElement>(root, 'mine-start-button'),
      pause: find<HTMLButtonElement>(root, 'mine-pause'),
      stop: find<HTMLButtonElement>(root, 'mine-stop'),
      formError: find(root, 'mine-form-error'),
      job: find(root, 'mine-job'),
      found: find(root, 'mine-found'),
    };
    this.figures = new LiveFigures(root);
    this.el.start.addEventListener('click', () => this.startNew());
    this.el.pause.addEventListener('click', () => this.togglePause());
  }

  /** The editor's fields read well again: the complaint about them goes. */
  fieldsFixed(): void {
    this.el.formError.textContent = '';
  }

  /** Fills the editor with the next block, built on the chain's tip (or on nothing). */
  prepareNext(): void {
    const { chain, editor } = this.parts;
    const n = chain.length + 1;
    const tip = chain.length > 0 ? chain.statuses()[chain.length - 1] : undefined;
    const tipBlock = chain.block(chain.length - 1);
    this.job = { kind: 'new', blockNumber: n };
    editor.set({ data: sampleData(n), prevHash: tip?.hash ?? ZERO_PREV_HASH, time: Math.max(nowSeconds(), (tipBlock?.time ?? 0) + 1), start: 0 }, n);
  }

  /** The chain was emptied. */
  newChain(): void {
    this.el.found.hidden = true;
    this.setStatus('idle', 'A new chain: block 1 builds on nothing (previous hash all zeros).');
    this.prepareNext();
  }

  /** Redoes the proof of work of block `index` of the chain, on top of the block before it. */
  async remine(index: number): Promise<void> {
    if (this.claimed || this.blocked) return;
    const { chain, threads } = this.parts;
    const block = chain.block(index);
    if (!block) return;
    const threadCount = threads.threads();
    if (threadCount === undefined) {
      this.el.formError.textContent = 'Fix the number of threads first; nothing was started.';
      threads.input.focus();
      return;
    }
    const prevHash = index === 0 ? block.prevHash : chain.statuses()[index - 1]!.hash;
    this.job = { kind: 'remine', index };
    this.el.start.scrollIntoView({ block: 'nearest' });
    const fields = { data: block.data, prevHash, time: block.time, bits: block.bits };
    await this.mine({ fields, target: toyTarget(block.bits), zeroBits: zeroBitsOf(block.bits), start: 0 }, threadCount);
  }

  private startNew(): void {
    const { chain, editor, threads } = this.parts;
    const read = editor.refresh();
    const threadCount = threads.threads();
    if (!read.ok || threadCount === undefined) {
      this.el.formError.textContent = 'Fix the marked fields first; nothing was started.';
      (read.ok ? threads.input : read.firstInvalid).focus();
      return;
    }
    this.job = { kind: 'new', blockNumber: chain.length + 1 };
    void this.mine(read.values, threadCount);
  }

  private async mine(values: EditorValues, threadCount: number): Promise<void> {
    this.el.formError.textContent = '';
    const { gpu } = this.parts;
    const onGpu = gpu.chosen;
    const facts = onGpu ? gpu.facts : undefined;
    let fields = values.fields;
    let timer: ReturnType<typeof setInterval> | undefined;
    const outcome = await this.search.run(threadCount, {
      claimed: () => {
        this.el.found.hidden = true;
        this.el.found.replaceChildren();
        this.figures.reset();
        this.values = values;
        this.claimed = true;
        this.setStatus('starting', onGpu ? 'Opening the GPU (compiling the kernel)…' : 'Starting the workers…');
        this.el.job.textContent = this.describeJob(values, threadCount, facts ? adapterName(facts) : undefined);
        this.figures.rateNote(facts?.emulated ? EMULATED_LABEL : '');
        this.updateButtons();
        this.onBusy();
      },
      begin: (pool) => {
        const run = new MiningRun({
          pool,
          header: toyHeaderBytes({ ...fields, nonce: 0 }),
          target: values.target,
          start: values.start,
          // Every nonce failed: the same block one second later is a new header with new hashes.
          nextHeader: () => {
            try {
              fields = rollTime(fields);
            } catch (error) {
              return errorText(error);
            }
            return toyHeaderBytes({ ...fields, nonce: 0 });
          },
          onLap: (lap) => this.figures.lapped(lap),
          onIncident: (message) => this.figures.incident(message),
        });
        this.run = run;
        this.setStatus('running', RUNNING);
        this.updateButtons();
        timer = setInterval(() => this.tick(), TICK_MS);
        return run;
      },
    }, onGpu, gpu.duty);
    clearInterval(timer);
    this.tick();
    this.run = undefined;
    this.values = undefined;
    this.claimed = false;
    if (outcome.kind === 'no-workers') this.setStatus('failed', `Could not start ${onGpu ? 'the GPU' : 'the workers'}: ${outcome.message}`);
    if (outcome.kind === 'ended') this.finish(outcome.result, values, fields, threadCount, onGpu);
    this.updateButtons();
    if (outcome.kind !== 'refused') this.onBusy();
  }

  /** Redraws the live figures; a few times a second while a run is on, and once at its end. */
  private tick(): void {
    if (!this.run || !this.values) return;
    const { lap, nonce } = this.figures.show(this.run, this.values.target, this.values.zeroBits);
    if (this.job.kind === 'new') this.parts.editor.showMining(parseHeader(lap.header).time, nonce);
  }

  private togglePause(): void {
    const run = this.run;
    if (!run) return;
    if (run.paused) {
      run.resume();
      this.figures.restartRate();
      this.setStatus('running', RUNNING);
    } else {
      run.pause();
      this.setStatus('paused', 'Paused: the workers finish their current batch and wait. Resume to go on.');
    }
    this.updateButtons();
    this.tick();
  }

  private finish(result: RunResult, values: EditorValues, fields: EditorValues['fields'], threadCount: number, onGpu: boolean): void {
    const took = workDone(result);
    switch (result.kind) {
      case 'stopped':
        this.setStatus('stopped', `Stopped after ${took}. No block this time; press Start to try again.`);
        if (this.job.kind === 'new') this.parts.editor.showMining(undefined, undefined);
        return;
      case 'exhausted':
        this.setStatus('failed', `Gave up after ${took}: ${result.reason}.`);
        return;
      case 'failed':
        this.setStatus('failed', `The search failed after ${took}: ${result.message}`);
        return;
      case 'found':
        this.found(result, values, fields, threadCount, took, onGpu);
    }
  }

  private found(result: Found, values: EditorValues, fields: EditorValues['fields'], threadCount: number, took: string, onGpu: boolean): void {
    const { chain, editor } = this.parts;
    const check = checkFound(result, fields, values.target);
    showFound(this.el.found, result, check, took);
    if (!check.verified) {
      this.setStatus('failed', `The workers reported nonce ${formatCount(result.nonce)}, but it did not pass the check on this page, so it was not added.`);
      return;
    }
    const note = (text: string) => this.el.found.append(h('p', { class: 'explain', text }));
    if (this.job.kind === 'remine') {
      const { index } = this.job;
      chain.replace(index, check.block);
      const last = index === chain.length - 1;
      this.setStatus(
        'found',
        last
          ? `Block ${index + 1} re-mined after ${took}.`
          : `Block ${index + 1} re-mined after ${took}. Block ${index + 2} still points at its old hash: re-mine the blocks after it too.`,
      );
      note(`Block ${index + 1} in the chain now has this nonce and hash.`);
      // The block being built next keeps what the learner typed; only its link to the tip is updated.
      this.job = { kind: 'new', blockNumber: chain.length + 1 };
      editor.set(last ? { prevHash: check.hashHex } : {}, chain.length + 1);
      return;
    }
    // A new block: logged for the Difficulty screen's "What you measured" table, which holds CPU
    // figures (a GPU run, possibly emulated, would mix rates of another kind into it).
    if (!onGpu) recordMinedBlock({
      bits: values.zeroBits ?? bitsOfTarget(values.target),
      hashes: result.tried,
      seconds: result.seconds,
      threads: threadCount,
      date: new Date().toISOString(),
      work: Math.max(result.hashes, result.tried),
    });
    chain.add(check.block);
    this.setStatus('found', `Found block ${chain.length} after ${took}.`);
    note(`Added to the chain as block ${chain.length}. The editor now holds block ${chain.length + 1}, whose previous hash is this block’s hash.`);
    this.prepareNext();
  }

  private describeJob(values: EditorValues, threadCount: number, gpuName: string | undefined): string {
    const job = this.job;
    const what = job.kind === 'new' ? `new block ${job.blockNumber}` : `block ${job.index + 1} again, on top of block ${job.index}`;
    const difficulty = values.zeroBits !== undefined ? `${values.zeroBits} zero bits` : `nBits ${formatBits(values.fields.bits)}`;
    const where = gpuName !== undefined ? `the GPU (${gpuName})` : plural(threadCount, 'thread', 'threads');
    return `Mining ${what} at ${difficulty} on ${where}, from nonce ${formatCount(values.start)}.`;
  }

  protected updateButtons(): void {
    const running = this.run !== undefined;
    this.el.start.disabled = this.claimed || this.blocked;
    this.el.pause.disabled = !running;
    this.el.stop.disabled = !running;
    this.el.pause.textContent = this.run?.paused ? 'Resume' : 'Pause';
    this.el.pause.setAttribute('aria-pressed', this.run?.paused ? 'true' : 'false');
    this.parts.editor.lock(this.claimed);
    this.parts.gpu.lock(this.claimed);
  }
}

/** The zero-bit difficulty whose target nBits encodes, if it is one of those. */
function zeroBitsOf(bits: number): number | undefined {
  for (let z = MIN_ZERO_BITS; z <= MAX_ZERO_BITS; z++) if (zeroBitsToBits(z) === bits) return z;
  return undefined;
}
