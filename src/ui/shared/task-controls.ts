// A long task's controls: its start button, a Cancel button and a progress bar beside them. While it
// runs, start is disabled, Cancel aborts it (the task's worker is terminated) and the bar follows
// the progress the worker reports.
import { isAbortError } from '../../engine/tasks/worker-task.js';
import { find } from './dom.js';

/**
 * When `error` is a cancellation, marks the task's table and status line so and returns true; any
 * other error is the caller's to word.
 */
export function showIfCancelled(error: unknown, table: HTMLElement, status: HTMLElement): boolean {
  if (!isAbortError(error)) return false;
  table.dataset['state'] = 'cancelled';
  status.textContent = 'Cancelled.';
  return true;
}

export class TaskControls {
  private readonly start: HTMLButtonElement | undefined;
  private readonly cancel: HTMLButtonElement;
  private readonly bar: HTMLProgressElement;
  private controller: AbortController | undefined;

  /** `ids.start` may be left out for a task that starts on its own (after another). */
  constructor(root: ParentNode, ids: { start?: string; cancel: string; progress: string }) {
    this.start = ids.start ? find<HTMLButtonElement>(root, ids.start) : undefined;
    this.cancel = find<HTMLButtonElement>(root, ids.cancel);
    this.bar = find<HTMLProgressElement>(root, ids.progress);
    this.cancel.addEventListener('click', () => this.controller?.abort());
    this.show(false);
  }

  get running(): boolean {
    return this.controller !== undefined;
  }

  /**
   * Starts a run (cancelling one still going): its abort signal, the progress callback to pass on,
   * and end() for when it settles (done, failed or cancelled; a superseded run's end changes nothing).
   */
  begin(): { signal: AbortSignal; onProgress: (fraction: number) => void; end: () => void } {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.show(true);
    const current = () => this.controller === controller;
    return {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (current()) this.bar.value = fraction;
      },
      end: () => {
        if (!current()) return;
        this.controller = undefined;
        this.show(false);
      },
    };
  }

  /** Cancels the run going, if any (its own error handler then ends it). */
  abort(): void {
    this.controller?.abort();
  }

  private show(running: boolean): void {
    if (this.start) this.start.disabled = running;
    this.cancel.disabled = !running;
    this.bar.hidden = !running;
    this.bar.value = 0;
  }
}

