// The Hash screen: text or hex in, SHA-256 and SHA-256d out, computed in the page's one-worker core
// as the learner types. Only the reply to the latest input is shown; a bad input never shows a digest.
import { hashPool, watchCore } from '../../../engine/mining/hash-core.js';
import { errorText } from '../../shared/dom.js';
import { InputPanel } from './input-panel.js';
import { ResultsPanel } from './results-panel.js';
import { HASH_TEMPLATE } from './template.js';

const DEBOUNCE_MS = 100;

export function mountHashView(root: HTMLElement): void {
  root.innerHTML = HASH_TEMPLATE;
  const results = new ResultsPanel(root);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped for every new input; a reply for an older number is dropped. */
  let latest = 0;

  async function hash(bytes: Uint8Array): Promise<void> {
    timer = undefined;
    const id = ++latest;
    try {
      const pool = await hashPool();
      const [single, double] = await Promise.all([pool.sha256(bytes), pool.sha256d(bytes)]);
      if (id !== latest) return;
      input.showBytes(bytes);
      results.show(single, double);
    } catch (error) {
      if (id !== latest) return;
      input.showBytes(bytes);
      results.failed(errorText(error));
    }
  }

  /**
   * Parsing is cheap and happens at once, so a bad input never sits next to an old digest; only the
   * trip to the worker waits for a pause in typing.
   */
  function schedule(delay = DEBOUNCE_MS): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    latest++; // any reply still in flight is now stale
    const parsed = input.read();
    if (!parsed.ok) return results.invalid();
    results.pending();
    timer = setTimeout(() => void hash(parsed.bytes), delay);
  }

  const input = new InputPanel(root, schedule);
  watchCore((state) => results.trust(state.phase === 'failed'));
  schedule(0);
}
