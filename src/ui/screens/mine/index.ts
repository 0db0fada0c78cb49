// The "Mine a block" screen: build a toy block, mine it on the worker pool, verify what was found on
// this page, link it into a chain whose every block is re-checked as you edit, and re-mine real
// Bitcoin blocks from just below their recorded nonces.

import {
  MAX_ZERO_BITS, MIN_ZERO_BITS, rollTime, sha256d, toyHeaderBytes, toyTarget, ZERO_PREV_HASH, zeroBitsToBits, type ToyBlock,
} from '../../../model/block.js';
import { hashToDisplayHex, parseHeader, withNonce } from '../../../model/header.js';
import { expectedHashes, hashToBigInt, leadingZeroBits, formatBits } from '../../../model/target.js';
import { bitsOfTarget } from '../../../model/mine-log.js';
import { bytesToHex } from '../../../model/validate.js';
import { formatCount } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { ChainView } from './chain.js';
import { find, h } from '../../shared/dom.js';
import { formatDuration, formatRate, formatUtc, hashCount } from '../../shared/format.js';
import { renderLeadingBits } from '../../shared/hex.js';
import { BlockEditor, type EditorValues } from './editor.js';
import { MiningRun, PoolKeeper, type RunResult } from './miner.js';
import { recordMinedBlock } from '../../shared/mine-log-store.js';
import { RealBlockPanel } from './real.js';
import { renderHeader } from './header-view.js';
import { MINE_TEMPLATE } from './template.js';
import { ThreadsField } from './threads.js';

const TICK_MS = 200;
const DEFAULT_ZERO_BITS = 20;
const SAMPLE_WINDOW_MS = 2000;

const sampleData = (n: number): string =>
  n === 1 ? 'Block 1: Alice pays Bob 5 coins' : `Block ${n}: Bob pays Carol ${n} coins`;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** What the current (or last) mining run is for. */
type Job = { kind: 'new'; blockNumber: number } | { kind: 'remine'; index: number };

/** Hashrate over the last couple of seconds, from (time, hashes) samples. */
class RateMeter {
  private samples: Array<[number, number]> = [];
  add(t: number, hashes: number): void {
    this.samples.push([t, hashes]);
    while (this.samples.length > 2 && t - this.samples[0]![0] > SAMPLE_WINDOW_MS) this.samples.shift();
  }
  reset(): void {
    this.samples = [];
  }
  rate(): number {
    if (this.samples.length < 2) return 0;
    const [t0, h0] = this.samples[0]!;
    const [t1, h1] = this.samples[this.samples.length - 1]!;
    return t1 > t0 ? ((h1 - h0) / (t1 - t0)) * 1000 : 0;
  }
}

export function mountMineView(root: HTMLElement): void {
  root.innerHTML = MINE_TEMPLATE;
  const pools = new PoolKeeper();
  const threads = new ThreadsField(root);
  const el = {
    start: find<HTMLButtonElement>(root, 'mine-start-button'),
    pause: find<HTMLButtonElement>(root, 'mine-pause'),
    stop: find<HTMLButtonElement>(root, 'mine-stop'),
    formError: find(root, 'mine-form-error'),
    status: find(root, 'mine-status'),
    job: find(root, 'mine-job'),
    progress: find<HTMLProgressElement>(root, 'mine-progress'),
    progressText: find(root, 'mine-progress-text'),
    hashes: find(root, 'mine-hashes'),
    nonce: find(root, 'mine-nonce'),
    rate: find(root, 'mine-rate'),
    elapsed: find(root, 'mine-elapsed'),
    expected: find(root, 'mine-expected'),
    chance: find(root, 'mine-chance'),
    current: find(root, 'mine-current-hash'),
    best: find(root, 'mine-best-hash'),
    bestZeros: find(root, 'mine-best-zeros'),
    bestNonce: find(root, 'mine-best-nonce'),
    bestBits: find(root, 'mine-best-bits'),
    rolls: find(root, 'mine-rolls'),
    incidents: find(root, 'mine-incidents'),
    found: find(root, 'mine-found'),
  };

  let run: MiningRun | undefined;
  let job: Job = { kind: 'new', blockNumber: 1 };
  let runValues: EditorValues | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const meter = new RateMeter();
  let realBusy = false;

  const editor = new BlockEditor(root, (read) => {
    if (read.ok) el.formError.textContent = '';
  });
  const chain = new ChainView(root, {
    onRemine: (index) => void remine(index),
    onChange: () => undefined,
    onReset: () => {
      el.found.hidden = true;
      setStatus('idle', 'A new chain: block 1 builds on nothing (previous hash all zeros).');
      prepareNext();
    },
  });
  const real = new RealBlockPanel(root, pools, threads, {
    onBusy(busy) {
      realBusy = busy;
      updateButtons();
    },
  });

  function setStatus(state: string, text: string): void {
    el.status.dataset['state'] = state;
    el.status.textContent = text;
  }

  function updateButtons(): void {
    const active = run !== undefined;
    el.start.disabled = active || realBusy;
    el.pause.disabled = !active;
    el.stop.disabled = !active;
    el.pause.textContent = run?.paused ? 'Resume' : 'Pause';
    el.pause.setAttribute('aria-pressed', run?.paused ? 'true' : 'false');
    editor.lock(active);
    chain.setBusy(active || realBusy);
    real.setBlocked(active);
  }

  function prepareNext(): void {
    const n = chain.length + 1;
    const tip = chain.length > 0 ? chain.statuses()[chain.length - 1] : undefined;
    const tipBlock = chain.length > 0 ? chain.block(chain.length - 1) : undefined;
    job = { kind: 'new', blockNumber: n };
    editor.set(
      {
        data: sampleData(n),
        prevHash: tip?.hash ?? ZERO_PREV_HASH,
        time: Math.max(nowSeconds(), (tipBlock?.time ?? 0) + 1),
        start: 0,
      },
      n,
    );
  }

  function resetStats(): void {
    meter.reset();
    for (const out of [el.hashes, el.nonce, el.rate, el.elapsed, el.chance]) out.textContent = '—';
    el.hashes.textContent = '0';
    el.current.textContent = '—';
    el.best.textContent = '—';
    el.bestZeros.textContent = '—';
    el.bestNonce.textContent = '';
    el.bestBits.replaceChildren();
    el.progress.value = 0;
    el.progressText.textContent = '—';
    el.rolls.hidden = true;
    el.rolls.textContent = '';
    el.incidents.replaceChildren();
  }

  /** Redraws the live figures; called a few times a second while a run is on, and once at its end. */
  function tick(): void {
    if (!run || !runValues) return;
    const hashes = run.hashes();
    const seconds = run.seconds();
    if (!run.paused) meter.add(performance.now(), hashes);
    const rate = meter.rate() || (seconds > 0 ? hashes / seconds : 0);
    const expected = expectedHashes(runValues.target);
    el.hashes.textContent = formatCount(hashes);
    el.rate.textContent = run.paused ? 'paused' : formatRate(rate);
    el.elapsed.textContent = formatDuration(seconds);
    el.expected.textContent = rate > 0 ? formatDuration(expected / rate) : 'measuring…';
    const share = hashes / expected;
    const chance = 1 - Math.exp(-share);
    el.chance.textContent = `${(chance * 100).toFixed(chance < 0.1 ? 1 : 0)}%`;
    el.progress.value = Math.min(1000, Math.round(share * 1000));
    el.progressText.textContent =
      share <= 1
        ? `${(share * 100).toFixed(1)}% of the expected ${hashCount(expected)}.`
        : `${share.toFixed(1)}× the expected ${hashCount(expected)}: unlucky so far. That happens; the odds of no block by now were ${(Math.exp(-share) * 100).toFixed(1)}%.`;

    const { lap, nonce } = run.current();
    el.nonce.textContent = formatCount(nonce);
    renderHex(el.current, hashToDisplayHex(sha256d(withNonce(lap.header, nonce))), true);
    if (job.kind === 'new') editor.showMining(parseHeader(lap.header).time, nonce);
    const best = run.best;
    if (best) {
      const hex = hashToDisplayHex(best.hash);
      renderHex(el.best, hex, true);
      el.bestZeros.textContent = String(leadingZeroBits(best.hash));
      el.bestNonce.textContent = `at nonce ${formatCount(best.nonce)}${runValues.zeroBits !== undefined ? `; the target needs ${runValues.zeroBits}` : ''}`;
      renderLeadingBits(el.bestBits, hex);
    }
  }

  function describeJob(values: EditorValues, threadCount: number): string {
    const what = job.kind === 'new' ? `new block ${job.blockNumber}` : `block ${job.index + 1} again, on top of block ${job.index}`;
    const difficulty = values.zeroBits !== undefined ? `${values.zeroBits} zero bits` : `nBits ${formatBits(values.fields.bits)}`;
    return `Mining ${what} at ${difficulty} on ${threadCount} thread${threadCount === 1 ? '' : 's'}, from nonce ${formatCount(values.start)}.`;
  }

  async function startRun(values: EditorValues, threadCount: number): Promise<void> {
    el.formError.textContent = '';
    el.found.hidden = true;
    el.found.replaceChildren();
    resetStats();
    runValues = values;
    setStatus('starting', 'Starting the workers…');
    el.job.textContent = describeJob(values, threadCount);
    el.start.disabled = true;
    editor.lock(true);
    let pool;
    try {
      pool = await pools.get(threadCount);
    } catch (error) {
      setStatus('failed', `Could not start the workers: ${error instanceof Error ? error.message : String(error)}`);
      updateButtons();
      return;
    }
    let fields = values.fields;
    const header = toyHeaderBytes({ ...fields, nonce: 0 });
    const current = new MiningRun({
      pool,
      header,
      target: values.target,
      start: values.start,
      nextHeader: () => {
        try {
          fields = rollTime(fields);
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
        return toyHeaderBytes({ ...fields, nonce: 0 });
      },
      onLap: (lap) => {
        const time = parseHeader(lap.header).time;
        el.rolls.hidden = false;
        el.rolls.textContent = `All 4,294,967,296 nonces have been tried ${lap.number - 1 === 1 ? 'once' : `${lap.number - 1} times`} without a hit, so the timestamp moved on to ${formatCount(time)} (${formatUtc(time)}) and the search started again at nonce 0. Real miners do the same.`;
        el.rolls.dataset['laps'] = String(lap.number);
        meter.reset();
      },
      onIncident: (message) => el.incidents.append(h('li', { class: 'incident', text: message })),
    });
    run = current;
    setStatus('running', 'Mining… every hash is a fresh try.');
    updateButtons();
    timer = setInterval(tick, TICK_MS);
    const result = await current.done;
    tick();
    clearInterval(timer);
    timer = undefined;
    run = undefined;
    pools.release();
    finish(result, values, fields, threadCount);
    updateButtons();
  }

  function finish(result: RunResult, values: EditorValues, fields: EditorValues['fields'], threadCount: number): void {
    const took = `${formatCount(result.hashes)} hashes in ${formatDuration(result.seconds)}`;
    switch (result.kind) {
      case 'stopped':
        setStatus('stopped', `Stopped after ${took}. No block this time; press Start to try again.`);
        if (job.kind === 'new') editor.showMining(undefined, undefined);
        return;
      case 'exhausted':
        setStatus('failed', `Gave up after ${took}: ${result.reason}.`);
        return;
      case 'failed':
        setStatus('failed', `The search failed after ${took}: ${result.message}`);
        return;
      case 'found':
        break;
    }
    // Verify on this page, with the JavaScript SHA-256 rather than the WebAssembly core that found it.
    const recomputed = sha256d(result.header);
    const sameHash = bytesToHex(recomputed) === bytesToHex(result.hash);
    const meets = hashToBigInt(recomputed) <= values.target;
    const block: ToyBlock = { ...fields, nonce: result.nonce };
    const headerHex = bytesToHex(result.header);
    const sameHeader = headerHex === bytesToHex(toyHeaderBytes(block));
    const hashHex = hashToDisplayHex(recomputed);
    const verified = sameHash && meets && sameHeader;

    const hashOut = h('output', { class: 'digest mine-digest', attrs: { 'data-testid': 'found-hash' } });
    const foundHeader = h('code', { class: 'mine-header-hex found-header', attrs: { 'data-testid': 'found-header-hex', 'aria-label': 'The header that was found, in hex, field by field' } });
    renderHeader(foundHeader, undefined, result.header);
    renderHex(hashOut, hashHex, true);
    const check = (ok: boolean, text: string) => h('li', { class: ok ? 'is-good' : 'is-bad', text: `${ok ? '✓' : '✗'} ${text}` });
    el.found.dataset['headerHex'] = headerHex;
    el.found.dataset['hash'] = hashHex;
    el.found.dataset['nonce'] = String(result.nonce);
    el.found.dataset['verified'] = verified ? 'yes' : 'no';
    el.found.replaceChildren(
      h('h3', { text: verified ? 'Block found and verified' : 'A block was reported, but it did not verify' }),
      h(
        'dl',
        { class: 'run-stats' },
        h('div', {}, h('dt', { text: 'Nonce' }), h('dd', { text: formatCount(result.nonce), attrs: { 'data-testid': 'found-nonce' } })),
        h('div', {}, h('dt', { text: 'Leading zero bits' }), h('dd', { text: String(leadingZeroBits(recomputed)) })),
        h('div', {}, h('dt', { text: 'Work' }), h('dd', { text: took })),
      ),
      hashOut,
      foundHeader,
      h(
        'ul',
        { class: 'checks', attrs: { 'data-testid': 'found-checks' } },
        check(sameHash, 'SHA-256d of the header, recomputed on this page in JavaScript, equals the workers’ hash'),
        check(meets, 'that hash, read as a number, is at most the target'),
        check(sameHeader, 'the header is this block’s fields with the nonce found'),
      ),
    );
    el.found.hidden = false;
    if (!verified) {
      setStatus('failed', `The workers reported nonce ${formatCount(result.nonce)}, but it did not pass the check on this page, so it was not added.`);
      return;
    }
    if (job.kind === 'remine') {
      chain.replace(job.index, block);
      const last = job.index === chain.length - 1;
      setStatus(
        'found',
        last
          ? `Block ${job.index + 1} re-mined after ${took}.`
          : `Block ${job.index + 1} re-mined after ${took}. Block ${job.index + 2} still points at its old hash: re-mine the blocks after it too.`,
      );
      el.found.append(h('p', { class: 'explain', text: `Block ${job.index + 1} in the chain now has this nonce and hash.` }));
      // The block being built next keeps what the learner typed; only its link to the tip is updated.
      job = { kind: 'new', blockNumber: chain.length + 1 };
      if (last) editor.set({ prevHash: hashHex }, chain.length + 1);
      else editor.set({}, chain.length + 1);
    } else {
      // A new block: logged for the Difficulty screen's "What you measured" table.
      recordMinedBlock({
        bits: values.zeroBits ?? bitsOfTarget(values.target),
        hashes: result.tried,
        seconds: result.seconds,
        threads: threadCount,
        date: new Date().toISOString(),
        work: Math.max(result.hashes, result.tried),
      });
      chain.add(block);
      setStatus('found', `Found block ${chain.length} after ${took}.`);
      el.found.append(h('p', { class: 'explain', text: `Added to the chain as block ${chain.length}. The editor now holds block ${chain.length + 1}, whose previous hash is this block’s hash.` }));
      prepareNext();
    }
  }

  function tryStart(): void {
    const read = editor.refresh();
    const threadCount = threads.read();
    if (!read.ok || threadCount === undefined) {
      el.formError.textContent = 'Fix the marked fields first; nothing was started.';
      (read.ok ? threads.input : read.firstInvalid).focus();
      return;
    }
    job = { kind: 'new', blockNumber: chain.length + 1 };
    void startRun(read.values, threadCount);
  }

  async function remine(index: number): Promise<void> {
    if (run || realBusy) return;
    const block = chain.block(index);
    if (!block) return;
    const threadCount = threads.read();
    if (threadCount === undefined) {
      el.formError.textContent = 'Fix the number of threads first; nothing was started.';
      threads.input.focus();
      return;
    }
    const prevHash = index === 0 ? block.prevHash : chain.statuses()[index - 1]!.hash;
    const target = toyTarget(block.bits);
    job = { kind: 'remine', index };
    const zeroBits = findZeroBits(block.bits);
    el.start.scrollIntoView({ block: 'nearest' });
    await startRun({ fields: { data: block.data, prevHash, time: block.time, bits: block.bits }, target, zeroBits, start: 0 }, threadCount);
  }

  el.start.addEventListener('click', tryStart);
  el.pause.addEventListener('click', () => {
    if (!run) return;
    if (run.paused) {
      run.resume();
      meter.reset();
      setStatus('running', 'Mining… every hash is a fresh try.');
    } else {
      run.pause();
      setStatus('paused', 'Paused: the workers finish their current batch and wait. Resume to go on.');
    }
    updateButtons();
    tick();
  });
  el.stop.addEventListener('click', () => {
    if (!run) return;
    setStatus('stopping', 'Stopping…');
    run.stop();
  });

  editor.set({ zeroBits: DEFAULT_ZERO_BITS, nbits: '0x1f00ffff' }, 1);
  prepareNext();
  real.init();
  updateButtons();
}

/** The zero-bit difficulty whose target nBits encodes, if it is one of those. */
function findZeroBits(bits: number): number | undefined {
  for (let z = MIN_ZERO_BITS; z <= MAX_ZERO_BITS; z++) if (zeroBitsToBits(z) === bits) return z;
  return undefined;
}
