// The "Mine a block" screen: build a toy block, mine it under the page's hashing claim, verify what
// was found on this page, link it into a chain whose every block is re-checked as you edit, and
// re-mine real Bitcoin blocks from just below their recorded nonces. One search at a time: the two
// searches wait for each other, and neither starts while another screen (a benchmark) hashes.

import { addContents } from '../../shared/contents.js';
import { ThreadsField } from '../../shared/fields.js';
import { ChainPanel } from './chain-panel.js';
import { EditorPanel } from './editor-panel.js';
import { GpuOption } from './gpu-option.js';
import { MiningPanel } from './mining-panel.js';
import { RealBlockPanel } from './real-panel.js';
import { MINE_TEMPLATE } from './template.js';
import { UrlRunPanel } from './url-run-panel.js';

const DEFAULT_ZERO_BITS = 20;

export function mountMineView(root: HTMLElement): void {
  root.innerHTML = MINE_TEMPLATE;
  addContents(root);
  const threads = new ThreadsField(root, 'mine-threads');
  const editor = new EditorPanel(root, (read) => {
    if (read.ok) mining.fieldsFixed();
  });
  const chain = new ChainPanel(root, {
    onRemine: (index) => void mining.remine(index),
    onReset: () => mining.newChain(),
  });
  const searchesChanged = () => {
    mining.setBlocked(real.busy);
    real.setBlocked(mining.busy);
    chain.setBusy(mining.busy || real.busy);
  };
  const gpu = new GpuOption(root);
  const mining = new MiningPanel(root, { editor, chain, threads, gpu }, searchesChanged);
  const real = new RealBlockPanel(root, threads, searchesChanged);

  editor.set({ zeroBits: DEFAULT_ZERO_BITS, nbits: '0x1f00ffff' }, 1);
  mining.prepareNext();
  searchesChanged();
  // /?mine=run&header=…: a search from the address, at the top of the screen.
  new UrlRunPanel(root.querySelector<HTMLElement>('.mine-screen') ?? root).fromLocation();
}
