// "3. The chain": the mined blocks as cards. Each card's data can be edited; every edit re-checks the
// whole chain (model/block.ts evaluateChain) and each card says whether it is valid and, if not, why.

import { evaluateChain, type BlockStatus, type ToyBlock } from '../../../model/block.js';
import { formatBits } from '../../../model/target.js';
import { find, h } from '../../shared/dom.js';
import { formatCount, formatUtc, plural } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';

interface Card {
  li: HTMLLIElement;
  badge: HTMLElement;
  prev: HTMLElement;
  linkNote: HTMLElement;
  hash: HTMLElement;
  zeros: HTMLElement;
  problems: HTMLElement;
  remine: HTMLButtonElement;
}

export interface ChainHandlers {
  /** The learner asked to redo the proof of work of this block (on top of the block before it). */
  onRemine(index: number): void;
  /** The chain was emptied to start over. */
  onReset(): void;
}

export class ChainPanel {
  private blocks: ToyBlock[] = [];
  private cards: Card[] = [];
  private statusList: BlockStatus[] = [];
  private busy = false;
  private readonly list: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly reset: HTMLButtonElement;

  constructor(root: HTMLElement, private readonly handlers: ChainHandlers) {
    this.list = find(root, 'chain');
    this.summary = find(root, 'chain-summary');
    this.reset = find(root, 'chain-reset');
    this.reset.addEventListener('click', () => {
      this.blocks = [];
      this.rebuild();
      this.handlers.onReset();
    });
  }

  get length(): number {
    return this.blocks.length;
  }

  block(index: number): ToyBlock | undefined {
    return this.blocks[index];
  }

  statuses(): readonly BlockStatus[] {
    return this.statusList;
  }

  add(block: ToyBlock): void {
    this.blocks.push(block);
    this.rebuild();
  }

  replace(index: number, block: ToyBlock): void {
    this.blocks[index] = block;
    this.rebuild();
  }

  /** While a run is on, the re-mine buttons wait (one search at a time). */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.reset.disabled = busy || this.blocks.length === 0;
    for (const [i, card] of this.cards.entries()) card.remine.disabled = busy || this.statusList[i]?.valid !== false;
  }

  private rebuild(): void {
    this.cards = this.blocks.map((block, index) => this.card(block, index));
    this.list.replaceChildren(...this.cards.map((c) => c.li));
    this.update();
  }

  private card(block: ToyBlock, index: number): Card {
    const id = `chain-data-${index}`;
    const data = h('textarea', {
      class: 'input input-mono chain-data',
      attrs: { id, rows: '2', spellcheck: 'false', autocomplete: 'off', 'data-testid': 'chain-block-data' },
    });
    data.value = block.data;
    data.addEventListener('input', () => {
      this.blocks[index] = { ...this.blocks[index]!, data: data.value };
      this.update();
    });
    const badge = h('span', { class: 'badge', attrs: { 'data-testid': 'chain-block-state' } });
    const prev = h('code', { class: 'mono-wrap', text: block.prevHash, attrs: { 'data-testid': 'chain-block-prev' } });
    const linkNote = h('span', { class: 'link-note', attrs: { 'data-testid': 'chain-block-link' } });
    const hash = h('output', { class: 'mine-digest', attrs: { 'data-testid': 'chain-block-hash' } });
    const zeros = h('span', { class: 'muted' });
    const problems = h('ul', { class: 'card-problems', attrs: { 'data-testid': 'chain-block-problems' } });
    const remine = h('button', {
      class: 'button',
      text: 'Re-mine this block',
      attrs: { type: 'button', 'data-testid': 'chain-block-remine' },
    });
    remine.addEventListener('click', () => this.handlers.onRemine(index));
    const row = (label: string, ...value: Array<Node | string>) => h('div', { class: 'card-row' }, h('dt', { text: label }), h('dd', {}, ...value));
    const li = h(
      'li',
      { class: 'chain-card', attrs: { 'data-testid': 'chain-block', 'data-index': String(index), 'aria-labelledby': `chain-title-${index}` } },
      h('div', { class: 'card-head' }, h('h3', { text: `Block ${index + 1}`, attrs: { id: `chain-title-${index}` } }), badge),
      h('label', { class: 'field-label', text: 'Data', attrs: { for: id } }),
      data,
      h(
        'dl',
        { class: 'card-rows' },
        row('Previous hash', prev, h('br'), linkNote),
        row('Hash', hash, zeros),
        row('Nonce', formatCount(block.nonce)),
        row('Time', `${formatCount(block.time)} (${formatUtc(block.time)})`),
        row('nBits', formatBits(block.bits)),
      ),
      problems,
      remine,
    );
    return { li, badge, prev, linkNote, hash, zeros, problems, remine };
  }

  private update(): void {
    this.statusList = evaluateChain(this.blocks);
    for (const [i, status] of this.statusList.entries()) {
      const card = this.cards[i]!;
      card.li.dataset['state'] = status.valid ? 'valid' : 'broken';
      card.li.dataset['headerHex'] = status.headerHex;
      card.li.dataset['hash'] = status.hash;
      card.badge.textContent = status.valid ? '✓ valid' : '✗ broken';
      renderHex(card.hash, status.hash, true);
      card.zeros.textContent = `${status.zeroBits} leading zero bits${status.meetsTarget ? ', meets its target' : ', above its target'}`;
      card.hash.classList.toggle('is-bad', !status.meetsTarget);
      card.prev.classList.toggle('is-bad', !status.linked);
      card.linkNote.textContent =
        i === 0 ? 'The first block of this chain: nothing before it to check.' : status.linked ? `✓ the hash of block ${i}` : `✗ not the hash of block ${i} any more`;
      card.linkNote.classList.toggle('is-bad', !status.linked);
      card.problems.replaceChildren(...status.problems.map((p) => h('li', { text: p.message })));
    }
    const broken = this.statusList.findIndex((s) => !s.valid);
    const n = this.blocks.length;
    this.summary.textContent =
      n === 0
        ? 'No blocks yet: mine one above.'
        : broken < 0
          ? `${plural(n, 'block', 'blocks')}, all valid: each meets its target and links to the one before.`
          : `Broken from block ${broken + 1} on: ${n - broken} of ${n} blocks are no longer valid.`;
    this.summary.dataset['state'] = broken < 0 ? 'valid' : 'broken';
    this.setBusy(this.busy);
  }
}
