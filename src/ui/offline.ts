// The app on any static host, and offline: registers the service worker (src/service-worker/sw.ts),
// tells the status bar how far it has come ("Offline" and "Cross-origin isolated"), and asks before
// switching builds. A new deployment's worker installs beside the running one and waits; the page
// says "a new version is ready" and only the learner's Reload lets it take over, after which the page
// reloads whole, so JavaScript of one build never runs against wasm of another.
import { registerSW } from 'virtual:pwa-register';
import { hashing } from '../engine/mining/hashing.js';
import { errorText, find, h } from './shared/dom.js';

export type OfflineState =
  /** Served over plain http from another machine: browsers give service workers (and isolation) only to https and localhost. */
  | 'insecure'
  /** This browser has no service workers (or they are blocked): it works, online only, not isolated off a header-setting host. */
  | 'unsupported'
  /** The dev server: no service worker on purpose (it would serve stale modules). */
  | 'dev'
  | 'installing'
  | 'ready'
  | 'failed';

const OFFLINE_TEXT: Record<OfflineState, string> = {
  insecure: 'needs https',
  unsupported: 'not in this browser',
  dev: 'off (dev server)',
  installing: 'getting ready…',
  ready: 'ready',
  failed: 'not available',
};

/** How often a long-open tab asks the host for a new build (a classroom tab stays open for hours). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function showOffline(state: OfflineState, detail?: string): void {
  const target = find(document, 'status-offline');
  target.textContent = OFFLINE_TEXT[state];
  target.dataset['value'] = state === 'ready' ? 'yes' : state === 'failed' ? 'no' : state;
  target.title =
    state === 'ready'
      ? 'Every screen, the self-test, benchmarks, mining and the simulations work with the network off.'
      : (detail ?? '');
}

/** Why this page is not isolated, as startOffline found it; 'controlled' means a reload would fix it. */
type IsolationGap = 'dev' | 'insecure' | 'unsupported' | 'installing' | 'controlled';

const ISOLATION_FIX: Record<Exclude<IsolationGap, 'controlled'>, string> = {
  dev: 'The dev server sends the COOP and COEP headers itself; without them, only a host that sends them can turn it on.',
  insecure: 'This page came over plain http from another machine, and browsers isolate (and keep offline copies) only over https or on localhost.',
  unsupported: 'This browser has no service workers, so only a host that sends the COOP and COEP headers can turn it on.',
  installing: 'It turns on at the next load, once the offline copy is installed.',
};

/** The isolation note under the status bar: what its absence costs, and what would turn it on (isolation is fixed when a document loads). */
function showIsolation(gap: IsolationGap): void {
  const note = find(document, 'status-isolation-note');
  if (globalThis.crossOriginIsolated === true) {
    note.hidden = true;
    return;
  }
  let fix: Node | string;
  if (gap === 'controlled') {
    fix = h('button', { class: 'button button-small', attrs: { type: 'button', 'data-testid': 'isolation-reload' }, text: 'Reload to turn it on' });
    fix.addEventListener('click', () => location.reload());
  } else fix = ISOLATION_FIX[gap];
  note.replaceChildren(
    h('strong', { text: 'Not cross-origin isolated. ' }),
    'Everything works, but hash counts arrive once per batch (about 75 ms) instead of live, and Stop waits for the running batches to end. ',
    fix,
  );
  note.hidden = false;
}

/** The box above the screens: a headline, what it means, and a Reload button that runs `reload`. */
function showPrompt(headline: string, body: Node | string, reload: () => void, testId?: string): void {
  const prompt = find(document, 'update-prompt');
  const button = h('button', { class: 'button button-primary button-small', attrs: { type: 'button', ...(testId ? { 'data-testid': testId } : {}) }, text: 'Reload' });
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'Reloading…';
    reload();
  });
  prompt.replaceChildren(h('strong', { text: `${headline} ` }), body, button);
  prompt.hidden = false;
}

/** Stops the update prompt's watch of the hashing registry (a second prompt replaces the first). */
let unwatchHashing: (() => void) | undefined;

function showUpdatePrompt(accept: () => void): void {
  // What Reload would cost follows what is hashing while the prompt waits.
  const cost = h('span', {});
  unwatchHashing?.();
  unwatchHashing = hashing.watch((holders) => {
    cost.textContent =
      holders.length > 0 ? `Reloading stops what is hashing now (${holders.map((holder) => holder.owner).join(', ')}); you can also reload later. ` : 'Reload to use it. ';
  });
  showPrompt('A new version of PoW Lab is ready.', cost, accept, 'update-reload');
}

/**
 * Another tab accepted the update: this one runs the previous build, whose files are gone from the
 * offline copy. Its chunks and wasm have hashed names, so a screen it has not opened yet fails to load
 * rather than mixing builds; the notice asks for the reload first.
 */
function showStaleTab(): void {
  unwatchHashing?.();
  showPrompt('PoW Lab was updated in another tab.', 'This tab still runs the previous version: reload it before starting anything new. ', () => location.reload());
}

export function startOffline(): void {
  find(document, 'app-build').textContent = `Build ${__POWLAB_BUILD__}.`;
  if (import.meta.env.DEV) {
    showOffline('dev');
    showIsolation('dev');
    return;
  }
  if (!globalThis.isSecureContext) {
    showOffline('insecure', 'Served over plain http: browsers keep an offline copy only of https sites (and localhost). PoW Lab works here, but needs the network.');
    showIsolation('insecure');
    return;
  }
  if (!('serviceWorker' in navigator)) {
    showOffline('unsupported', 'This browser has no service workers: PoW Lab works here, but needs the network.');
    showIsolation('unsupported');
    return;
  }
  showIsolation(navigator.serviceWorker.controller ? 'controlled' : 'installing');
  showOffline(navigator.serviceWorker.controller ? 'ready' : 'installing');
  let accepted = false;
  const update = registerSW({
    immediate: true,
    onOfflineReady: () => showOffline('ready'),
    onNeedRefresh: () =>
      showUpdatePrompt(() => {
        accepted = true;
        void update(true);
      }),
    // The new build controls the page now. The tab that said yes reloads whole; any other keeps what
    // it is doing (a run, a half-typed block) and is told to reload, never reloaded under the learner.
    onNeedReload: () => {
      if (accepted) location.reload();
      else showStaleTab();
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    },
    // An update check that fails (offline, the host down) leaves the copy that controls this page working.
    onRegisterError: (error: unknown) => {
      if (navigator.serviceWorker.controller) showOffline('ready');
      else showOffline('failed', `The offline copy could not be installed: ${errorText(error)}`);
    },
  });
  // The first install claims this page: from now on a reload is served by it and isolated.
  navigator.serviceWorker.addEventListener('controllerchange', () => showIsolation('controlled'));
}
