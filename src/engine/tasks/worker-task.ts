// One fresh module worker per heavy computation (a simulation, a Monte Carlo run): the call runs
// through Comlink, and aborting terminates the worker at once, since a busy worker cannot be
// interrupted any other way. Used by the simulation services; the mining pool manages its own workers.
import { wrap, type Remote } from 'comlink';
import { installErrorTransfer } from '../errors.js';
import { hashing } from '../mining/hashing.js';

installErrorTransfer();

export interface TaskOptions {
  /** Aborting terminates the worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

export function abortError(what = 'The simulation'): DOMException {
  return new DOMException(`${what} was cancelled.`, 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}

/**
 * Starts a worker with `spawn` (which must call `new Worker(new URL(...), { type: 'module' })` itself,
 * so the bundler can see the worker's entry), runs `call` on its API, and terminates it when the call
 * settles, fails, or the signal aborts. `label` names the worker in error messages; `owner` names
 * the task for the hashing registry, which records it while it runs (a benchmark it overlaps is
 * not a score) and can stop it.
 */
export function runInWorker<Api, T>(
  spawn: () => Worker,
  { label, owner }: { label: string; owner: string },
  options: TaskOptions,
  call: (api: Remote<Api>) => Promise<T>,
): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const worker = spawn();
    const api = wrap<Api>(worker);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      ended();
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(abortError()));
    const ended = hashing.task(owner, onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(() => reject(new Error(`The ${label} worker failed to run${event.message ? `: ${event.message}` : ''}.`)));
    });
    call(api).then(
      (result) => finish(() => resolve(result)),
      (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
