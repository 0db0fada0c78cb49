// Bootstrap: fills in the status bar and shows the one screen that exists so far. The hashing pool
// is not created here; the view asks for it on first use (core-service.ts).

import { browserSimdSupported } from '../engine/mining/browser-pool.js';
import { hashPool, watchCore, type CoreState } from '../engine/mining/hash-core.js';
import { mountHashView } from './screens/hash/index.js';

function byTestId(testId: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`missing element ${testId}`);
  return el;
}

function yesNo(target: HTMLElement, value: boolean): void {
  target.textContent = value ? 'yes' : 'no';
  target.dataset['value'] = value ? 'yes' : 'no';
}

function showEnvironment(): void {
  yesNo(byTestId('status-simd'), browserSimdSupported());
  yesNo(byTestId('status-isolated'), globalThis.crossOriginIsolated === true);
  const cores = navigator.hardwareConcurrency;
  byTestId('status-cores').textContent = cores > 0 ? String(cores) : 'unknown';
}

function showCore(state: CoreState): void {
  const core = byTestId('status-core');
  const selfTest = byTestId('status-selftest');
  const alert = byTestId('selftest-alert');
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
      {
        const headline = document.createElement('strong');
        headline.textContent = 'The hashing core failed its self-test, so the hashes on this page cannot be trusted.';
        const detail = document.createElement('span');
        detail.className = 'alert-detail';
        detail.textContent = `Try reloading the page, or another browser. Details: ${state.message}`;
        alert.replaceChildren(headline, ' ', detail);
      }
      alert.hidden = false;
      break;
  }
}

// Each screen is mounted once, on first visit, into its own container and then only shown or hidden,
// so a benchmark or a mining run keeps going while the learner looks at another screen. The heavier
// screens (Chart.js) load on demand to keep the first screen light.
type Route = 'hash' | 'bench' | 'mine' | 'difficulty' | 'pools';
const ROUTES: Record<Route, () => Promise<(root: HTMLElement) => void>> = {
  hash: async () => mountHashView,
  bench: async () => (await import('./screens/bench/index.js')).mountBenchView,
  mine: async () => (await import('./screens/mine/index.js')).mountMineView,
  difficulty: async () => (await import('./screens/difficulty/index.js')).mountDifficultyView,
  pools: async () => (await import('./screens/pools/index.js')).mountPoolsView,
};
const mounted = new Set<Route>();

function currentRoute(): Route {
  // A URL-driven benchmark (/?bench=run&...) opens the Benchmark screen whatever the hash says.
  if (new URLSearchParams(location.search).has('bench')) return 'bench';
  const name = location.hash.replace(/^#/, '');
  return name in ROUTES ? (name as Route) : 'hash';
}

async function show(route: Route): Promise<void> {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-route]')) {
    if (link.dataset['route'] === route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const view of document.querySelectorAll<HTMLElement>('[data-view]')) view.hidden = view.dataset['view'] !== route;
  if (mounted.has(route)) return;
  mounted.add(route);
  const root = document.getElementById(`view-${route}`);
  if (!root) throw new Error(`missing <div id="view-${route}">`);
  try {
    (await ROUTES[route]())(root);
  } catch (error) {
    mounted.delete(route);
    const alert = document.createElement('p');
    alert.className = 'alert';
    alert.setAttribute('role', 'alert');
    alert.textContent = `This screen could not load: ${error instanceof Error ? error.message : String(error)}. Try reloading the page.`;
    root.replaceChildren(alert);
  }
}

function start(): void {
  showEnvironment();
  watchCore(showCore);
  // Start the one-worker core and its self-test (2,000 genesis nonces, about a millisecond) on every
  // screen, so the status bar tells whether this browser's core can be trusted before anything runs.
  void hashPool().catch(() => {});
  window.addEventListener('hashchange', () => void show(currentRoute()));
  void show(currentRoute());
}

start();
