// The page's one hashing pool for the Hash screen: created on first use (1 worker), self-tested once,
// and its state announced to whoever listens (the status bar).

import { createBrowserPool } from './browser-pool.js';
import { messageOf } from '../../model/validate.js';
import type { Pool } from './pool.js';

export type CoreState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'testing'; pool: Pool }
  | { phase: 'passed'; pool: Pool }
  | { phase: 'failed'; message: string; pool?: Pool };

type Listener = (state: CoreState) => void;

let state: CoreState = { phase: 'idle' };
let pending: Promise<Pool> | undefined;
const listeners = new Set<Listener>();

function set(next: CoreState): void {
  state = next;
  for (const listener of listeners) listener(state);
}


/** Calls `listener` now with the current state and again on every change; returns an unsubscribe. */
export function watchCore(listener: Listener): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

/**
 * The pool, started on the first call. The self-test runs in the background; hashing does not wait
 * for it, but a failure is reported to the listeners so the page can say so prominently.
 */
export function hashPool(): Promise<Pool> {
  if (!pending) {
    set({ phase: 'starting' });
    pending = createBrowserPool(1, true);
    pending.then(
      (pool) => {
        set({ phase: 'testing', pool });
        pool.selfTest().then(
          () => set({ phase: 'passed', pool }),
          (error: unknown) => set({ phase: 'failed', message: messageOf(error), pool }),
        );
      },
      (error: unknown) => set({ phase: 'failed', message: `the core could not start: ${messageOf(error)}` }),
    );
  }
  return pending;
}
