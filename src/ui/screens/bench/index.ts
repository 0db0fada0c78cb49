// The Benchmark screen: how many SHA-256d block-header hashes per second this device computes, on
// the chosen threads and core build, measured the way a miner can trust: the core is verified on the
// genesis block first, a warm-up is left out, the score is the median of repeated windows with its
// spread, hidden-tab periods are left out, throttling is flagged, and nothing runs while another
// screen uses the processor (a figure measured alongside it, or with the tab hidden, is marked so in
// the result and never becomes this device's score). Results
// download as versioned JSON, stay in a local history, and can be compared with other devices'.

import { bestRun, isScore, type BenchResult } from '../../../model/bench-result.js';
import { addContents } from '../../shared/contents.js';
import { addTableExports } from '../../shared/export.js';
import { errorText } from '../../shared/dom.js';
import { formatDuration, formatRate, plural } from '../../shared/format.js';
import { saveMeasuredGpu } from '../../shared/measured-gpu.js';
import { saveMeasuredHashrate } from '../../shared/measured-hashrate.js';
import { addToHistory, loadHistory } from './history.js';
import { HistoryPanel } from './history-panel.js';
import { startJob, type Job, type RunningJob } from './job.js';
import { LivePanel } from './live-panel.js';
import type { MeasurePlan, MeasureUpdate } from './measure.js';
import { ResultPanel } from './result-panel.js';
import { RunPanel } from './run-panel.js';
import { coreName } from './summary.js';
import { TEMPLATE } from './template.js';
import { parseUrlRun } from './url-run.js';

/** "the chain simulation (Difficulty)", "A and B", "A, B and C". */
function names(owners: readonly string[]): string {
  return owners.length < 2 ? (owners[0] ?? '') : `${owners.slice(0, -1).join(', ')} and ${owners[owners.length - 1]}`;
}

/** The CPU workers a plan hashes on: none when the GPU hashes alone. */
function cpuThreads(plan: MeasurePlan): number {
  return plan.backend === 'webgpu' ? 0 : plan.threads;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a job is doing now, for the status line. */
function statusText(job: Job, step: number, plan: MeasurePlan, u: MeasureUpdate): string {
  const of = job.plans.length > 1
    ? `${job.kind === 'sweep' ? 'Thread sweep' : 'SIMD comparison'}, step ${step + 1} of ${job.plans.length} (${plural(plan.threads, 'thread', 'threads')}, ${plan.simd ? 'SIMD' : 'scalar'}): `
    : '';
  const what =
    u.phase === 'starting' ? 'starting the workers and checking the core on the genesis block…'
    : u.phase === 'warmup' ? `warming up, not counted (${formatDuration(u.elapsed)} of ${formatDuration(plan.warmupSeconds)})…`
    : `measuring ${plan.backend === 'webgpu' ? 'on WebGPU' : plan.backend === 'both' ? `on WebGPU and ${plural(plan.threads, 'CPU thread', 'CPU threads')}` : `with ${plural(plan.threads, 'thread', 'threads')}, ${coreName(u)}`}: ${formatDuration(Math.max(0, u.elapsed - plan.warmupSeconds))} of ${formatDuration(plan.seconds)}${plan.stopWhenStable ? ' at most' : ''}`;
  return `${of}${u.paused ? 'Paused. ' : ''}${job.origin}${what}`;
}

export function mountBenchView(root: HTMLElement): void {
  root.innerHTML = TEMPLATE;
  addContents(root);
  addTableExports(root);

  const live = new LivePanel(root);
  const result = new ResultPanel(root);
  const showResult = (shown: BenchResult) => {
    result.show(shown);
    const hidden = shown.runs.reduce((s, r) => s + r.hiddenSeconds, 0);
    if (hidden > 0) live.noteHidden(hidden, 'benchmark', 'were');
  };
  const history = new HistoryPanel(root, (chosen) => {
    showResult(chosen);
    result.panel.scrollIntoView({ block: 'start' });
  });

  let running: RunningJob | undefined;
  const form = new RunPanel(root, {
    start: (job) => void run(job),
    pause() {
      if (!running) return;
      if (running.paused) {
        running.resume();
        form.setPaused(false);
      } else {
        running.pause();
        form.setPaused(true);
        form.status('Paused. The window in progress is left out; measuring goes on after you resume.');
      }
    },
    stop: () => running?.stop(),
  });

  async function run(job: Job): Promise<void> {
    if (running) return;
    const started = startJob(job, {
      onStep(step, plan) {
        live.startStep(cpuThreads(plan), plan.backend !== 'wasm');
        form.progress(step / job.plans.length);
      },
      onUpdate(step, plan, update) {
        form.progress((step + Math.min(1, update.elapsed / update.total)) / job.plans.length);
        form.status(statusText(job, step, plan, update));
        live.update(update, cpuThreads(plan), plan.backend !== 'wasm');
      },
      onIncident: (message) => live.addIncident(message),
      onDisturbed: (by) =>
        form.showDisturbed(`${capitalized(names(by))} started while this benchmark runs and shares the processor with it: this run will not be a score.`),
    });
    if (!started.ok) {
      form.showBusy(started.busy);
      return;
    }
    running = started.job;
    form.reset();
    form.setRunning(true);
    history.setRunning(true);
    live.clear();
    // The result panel carries a figure only once this run has one.
    result.hide();
    try {
      const outcome = await running.done;
      switch (outcome.status) {
        case 'stopped':
          form.status('Stopped. No result was recorded.');
          form.progress(0);
          break;
        case 'no-valid-windows':
          form.showError(`No figure: the tab was hidden for ${formatDuration(outcome.hiddenSeconds)}, which left no valid measurement window. Keep this tab in front while it runs.`);
          form.status('Finished without a result.');
          break;
        case 'done': {
          const best = bestRun(outcome.result);
          form.progress(1);
          const { disturbedBy } = outcome.result.caveats;
          if (isScore(outcome.result)) {
            form.status(`Done: ${formatRate(best.hashrate)} with ${plural(best.threads, 'thread', 'threads')}${best.ended === 'stable' ? ' (stopped early: the rate was stable)' : ''}.`);
            // The CPU's figure is the CPU's, the GPU's the GPU's; a hybrid total is neither device's rate.
            if (outcome.result.backend === 'wasm') saveMeasuredHashrate({ hashrate: best.hashrate, threads: best.threads, date: outcome.result.date });
            if (outcome.result.backend === 'webgpu' && outcome.result.adapter) saveMeasuredGpu({ hashrate: best.hashrate, adapter: outcome.result.adapter, date: outcome.result.date });
          } else {
            form.status('Finished, but not a score: the result is kept and marked with the reason.');
            if (disturbedBy.length > 0) {
              form.showDisturbed(
                `Not a score: ${names(disturbedBy)} used the processor during this benchmark, so the figure it measured is depressed by it. The result is kept and marked so; run the benchmark again once nothing else is running.`,
              );
            }
          }
          addToHistory(outcome.result);
          history.refresh(outcome.result.date);
          showResult(outcome.result);
          break;
        }
      }
    } catch (error) {
      form.status('Stopped by an error. No figure is reported.');
      form.showError(`No figure is reported: ${errorText(error)}`);
    } finally {
      running = undefined;
      form.setRunning(false);
      history.setRunning(false);
    }
  }

  const latest = loadHistory()[0];
  if (latest) showResult(latest);

  const fromUrl = parseUrlRun(location.search, form.threads.max);
  if (fromUrl.kind === 'invalid') form.showUrlProblems(fromUrl.problems);
  else if (fromUrl.kind === 'run') {
    void form.jobFromUrl(fromUrl.run).then((job) => (typeof job === 'string' ? form.showUrlProblems([`backend=${fromUrl.run.backend}: ${job}`]) : run(job)));
  }
}
