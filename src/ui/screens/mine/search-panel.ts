// What the two searches of the screen (the block editor's "2. Mine it" and the real-block re-mine)
// have in common: a status line, a Stop button, the hashing claim (claimed-search.ts), and waiting
// for each other, since one search at a time keeps each one's figures honest.

import { find } from '../../shared/dom.js';
import { formatDuration, hashCount } from '../../shared/format.js';
import { ClaimedSearch } from './claimed-search.js';
import type { MiningRun, RunResult } from './mining-run.js';

export type SearchState = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'stopped' | 'found' | 'failed';

/** The test ids of a search's status line, Stop button and busy-notice slot. */
export interface SearchIds {
  status: string;
  stop: string;
  busy: string;
}

/** "1,607 hashes in 5.17 ms". */
export function workDone(result: RunResult): string {
  return `${hashCount(result.hashes)} in ${formatDuration(result.seconds)}`;
}

export abstract class SearchPanel {
  protected readonly search: ClaimedSearch;
  protected run: MiningRun | undefined;
  /** From the granted claim until the run has ended: the workers may still be starting. */
  protected claimed = false;
  /** The other search of the screen is on. */
  protected blocked = false;
  private readonly statusLine: HTMLElement;

  constructor(
    root: HTMLElement,
    ids: SearchIds,
    /** How the rest of the page names this search (busy notices elsewhere say it). */
    owner: string,
    /** Called whenever `busy` changes. */
    protected readonly onBusy: () => void,
  ) {
    this.statusLine = find(root, ids.status);
    this.search = new ClaimedSearch(owner, find(root, ids.busy));
    find(root, ids.stop).addEventListener('click', () => {
      if (!this.run) return;
      this.setStatus('stopping', 'Stopping…');
      this.run.stop();
    });
  }

  get busy(): boolean {
    return this.claimed;
  }

  setBlocked(blocked: boolean): void {
    this.blocked = blocked;
    this.updateButtons();
  }

  /** data-state carries the state, for the styling and the tests. */
  protected setStatus(state: SearchState, text: string): void {
    this.statusLine.dataset['state'] = state;
    this.statusLine.textContent = text;
  }

  protected abstract updateButtons(): void;
}
