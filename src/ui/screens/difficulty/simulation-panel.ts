// "Simulate a chain": runs the configured simulation in a worker (engine/tasks/sim-service.ts) with
// progress and cancel, then shows the results. The worker checks the config; a field it refuses is
// marked beside its input like any other bad field.
import { isAbortError, runSimulation } from '../../../engine/tasks/sim-service.js';
import { errorText, find } from '../../shared/dom.js';
import { formatCount, formatDuration, formatPercent } from '../../shared/format.js';
import { SimForm } from './sim-form.js';
import { createSimResults } from './sim-results.js';

export function mountSimulationPanel(root: HTMLElement): void {
  const form = new SimForm(root);
  const runButton = find<HTMLButtonElement>(root, 'sim-run');
  const cancelButton = find<HTMLButtonElement>(root, 'sim-cancel');
  const progress = find<HTMLProgressElement>(root, 'sim-progress');
  const status = find(root, 'sim-status');
  const errorBox = find(root, 'sim-error');
  const results = find(root, 'sim-results');
  const view = createSimResults(root);
  results.hidden = true;

  let controller: AbortController | undefined;
  const setRunning = (running: boolean) => {
    runButton.disabled = running;
    cancelButton.hidden = !running;
    progress.hidden = !running;
    results.setAttribute('aria-busy', String(running));
  };
  const fixFields = 'Fix the marked fields, then run again.';

  find<HTMLFormElement>(root, 'sim-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (controller) return;
    const config = form.read();
    if (!config) {
      status.textContent = fixFields;
      return;
    }
    errorBox.hidden = true;
    controller = new AbortController();
    const { signal } = controller;
    const started = performance.now();
    const stateBefore = results.dataset['state'] ?? 'idle';
    let finished = false;
    setRunning(true);
    progress.value = 0;
    results.dataset['state'] = 'running';
    status.textContent = 'Simulating…';

    runSimulation(config, {
      signal,
      onProgress: (done, total) => {
        // Progress comes on its own channel, so a message can land after the result or the cancel:
        // it must not overwrite "Done" or "Cancelled".
        if (signal.aborted || finished) return;
        progress.value = done / total;
        status.textContent = `Simulating… ${formatPercent(Math.floor((done / total) * 100) / 100, 0)} of ${formatCount(total)} blocks`;
      },
    })
      .then((result) => {
        finished = true;
        const seconds = (performance.now() - started) / 1000;
        results.hidden = false;
        view.show(result);
        status.textContent = `Done: ${formatCount(config.blocks * config.algorithms.length)} blocks in ${formatDuration(seconds)}.`;
        results.dataset['state'] = 'done';
      })
      .catch((error: unknown) => {
        finished = true;
        if (isAbortError(error)) {
          status.textContent = results.hidden ? 'Cancelled.' : 'Cancelled: the results below are from the previous run.';
          results.dataset['state'] = 'cancelled';
        } else if (form.place(error)) {
          // Nothing ran: the results (if any) are still those of the previous run.
          status.textContent = fixFields;
          results.dataset['state'] = stateBefore;
        } else {
          errorBox.textContent = `The simulation failed: ${errorText(error)}`;
          errorBox.hidden = false;
          status.textContent = '';
          results.dataset['state'] = 'error';
        }
      })
      .finally(() => {
        controller = undefined;
        setRunning(false);
      });
  });
  cancelButton.addEventListener('click', () => controller?.abort());
}
