// Bootstrap: the status bar and the screen router. Screens are mounted once, on first visit, and
// then only shown or hidden, so a benchmark or a mining run keeps going while the learner looks at
// another screen. Hashing pools belong to the engine (mining/hashing.ts), never to a screen.
import { hashPool } from '../engine/mining/hash-core.js';
import { errorText, h } from './shared/dom.js';
import { mountHashView } from './screens/hash/index.js';
import { startOffline } from './offline.js';
import { startStatusBar } from './status-bar.js';

// The heavier screens (Chart.js) load on demand to keep the first screen light.
type Route = 'hash' | 'bench' | 'mine' | 'difficulty' | 'pools' | 'devices';
const ROUTES: Record<Route, () => Promise<(root: HTMLElement) => void>> = {
  hash: async () => mountHashView,
  bench: async () => (await import('./screens/bench/index.js')).mountBenchView,
  mine: async () => (await import('./screens/mine/index.js')).mountMineView,
  difficulty: async () => (await import('./screens/difficulty/index.js')).mountDifficultyView,
  pools: async () => (await import('./screens/pools/index.js')).mountPoolsView,
  devices: async () => (await import('./screens/devices/index.js')).mountDevicesView,
};
const mounted = new Set<Route>();

function currentRoute(): Route {
  // A URL-driven benchmark (/?bench=run&...) opens the Benchmark screen whatever the hash says.
  if (new URLSearchParams(location.search).has('bench')) return 'bench';
  // Likewise a URL-driven mining run (/?mine=run&...) opens Mine a block.
  if (new URLSearchParams(location.search).has('mine')) return 'mine';
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
    root.replaceChildren(
      h('p', { class: 'alert', attrs: { role: 'alert' }, text: `This screen could not load: ${errorText(error)}. Try reloading the page.` }),
    );
  }
}

startStatusBar();
startOffline();
// Start the one-worker core and its self-test (2,000 genesis nonces, about a millisecond) on every
// screen, so the status bar tells whether this browser's core can be trusted before anything runs.
void hashPool().catch(() => {});
window.addEventListener('hashchange', () => void show(currentRoute()));
void show(currentRoute());
