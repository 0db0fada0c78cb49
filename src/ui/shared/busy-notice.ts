// "Something else is hashing": shown instead of starting a run while another screen holds the
// hashing registry, naming that screen, with a button that stops it. The notice hides itself once
// the registry is free again.
import type { Holder } from '../../engine/mining/registry.js';
import { hashing } from '../../engine/mining/hashing.js';
import { h } from './dom.js';

/**
 * Fills `slot` with the notice for `busy` (`why` says what a run now would spoil), and clears it
 * when the CPU is free. Returns a function that removes it early.
 */
export function showBusyNotice(slot: HTMLElement, busy: Holder, why: string): () => void {
  const stop = h('button', { class: 'button', text: `Stop ${busy.owner}`, attrs: { type: 'button', 'data-testid': 'busy-stop' } });
  stop.addEventListener('click', () => busy.stop());
  const notice = h(
    'div',
    { class: 'busy-notice', attrs: { role: 'status', 'data-testid': 'busy-notice', 'data-owner': busy.owner } },
    h('p', { text: `${capitalize(busy.owner)} is using the processor right now, so nothing was started: ${why}` }),
    stop,
  );
  slot.replaceChildren(notice);
  slot.hidden = false;
  let freed = false;
  let unwatch: (() => void) | undefined;
  const remove = () => {
    freed = true;
    unwatch?.();
    notice.remove();
  };
  unwatch = hashing.watch((holders) => {
    if (!holders.includes(busy)) remove();
  });
  if (freed) unwatch();
  return remove;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
