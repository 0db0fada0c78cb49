// The status bar under the header: what this browser can do (SIMD, cross-origin isolation, cores),
// whether the hashing core passed its self-test, which build runs, and who is hashing right now.
import { browserSimdSupported } from '../engine/mining/browser-pool.js';
import { watchCore, type CoreState } from '../engine/mining/hash-core.js';
import { hashing } from '../engine/mining/hashing.js';
import { find, h } from './shared/dom.js';

function yesNo(target: HTMLElement, value: boolean): void {
  target.textContent = value ? 'yes' : 'no';
  target.dataset['value'] = value ? 'yes' : 'no';
}

function showEnvironment(): void {
  yesNo(find(document, 'status-simd'), browserSimdSupported());
  yesNo(find(document, 'status-isolated'), globalThis.crossOriginIsolated === true);
  const cores = navigator.hardwareConcurrency;
  find(document, 'status-cores').textContent = cores > 0 ? String(cores) : 'unknown';
}

function showCore(state: CoreState): void {
  const core = find(document, 'status-core');
  const selfTest = find(document, 'status-selftest');
  const alert = find(document, 'selftest-alert');
  selfTest.dataset['value'] = state.phase;

  const pool = state.phase === 'idle' || state.phase === 'starting' ? undefined : state.pool;
  // The build this browser runs; each screen's own worker count is shown on that screen.
  if (pool) core.textContent = pool.simd ? `WebAssembly SIMD (${pool.lanes} lanes)` : 'WebAssembly scalar';
  else if (state.phase === 'starting') core.textContent = 'starting…';

  switch (state.phase) {
    case 'idle':
      selfTest.textContent = 'not run yet';
      break;
    case 'starting':
    case 'testing':
      selfTest.textContent = 'running…';
      break;
    case 'passed':
      selfTest.textContent = 'passed';
      break;
    case 'failed':
      selfTest.textContent = 'FAILED';
      if (!pool) core.textContent = 'did not start';
      alert.replaceChildren(
        h('strong', { text: 'The hashing core failed its self-test, so the hashes on this page cannot be trusted.' }),
        ' ',
        h('span', { class: 'alert-detail', text: `Try reloading the page, or another browser. Details: ${state.message}` }),
      );
      alert.hidden = false;
      break;
  }
}

export function startStatusBar(): void {
  showEnvironment();
  watchCore(showCore);
  const now = find(document, 'status-hashing');
  hashing.watch((holders) => {
    now.textContent = holders.length === 0 ? 'nothing' : holders.map((holder) => holder.owner).join(', ');
    now.dataset['value'] = holders.length === 0 ? 'idle' : 'busy';
  });
}
