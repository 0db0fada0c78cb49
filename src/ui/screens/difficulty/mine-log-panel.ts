// "What you measured on Mine a block": the blocks the Mine screen logged (shared/mine-log-store.ts),
// per difficulty, beside what the odds say: average hashes against 2^bits, average time against
// 2^bits at the hashrate measured then.
import { MINE_LOG_LIMIT, spreadStatement, summarizeMineLog, type MineLogSummary } from '../../../model/mine-log.js';
import { cell, find, h } from '../../shared/dom.js';
import { DASH, formatBigNumber, formatCount, formatDuration, formatFixed, formatRate } from '../../shared/format.js';
import { clearMineLog, readMineLog, watchMineLog } from '../../shared/mine-log-store.js';

/** Zero bits as typed on the Mine screen (20), or of an nBits target (18.42). */
const bitsLabel = (bits: number) => (Number.isInteger(bits) ? formatCount(bits) : formatFixed(bits, 2));

function withTestId<T extends HTMLElement>(el: T, testId: string): T {
  el.dataset['testid'] = testId;
  return el;
}

function summaryRow(row: MineLogSummary): HTMLTableRowElement {
  const tr = h('tr', { attrs: { 'data-testid': 'minelog-row', 'data-bits': String(row.bits), 'data-count': String(row.count) } });
  const bits = bitsLabel(row.bits);
  withTestId(cell(tr, bits, true), 'minelog-bits');
  withTestId(cell(tr, formatCount(row.count)), 'minelog-count');
  // Hashes are whole tries: 2^18.42 reads as 350,730, not 350,729.681.
  withTestId(cell(tr, formatBigNumber(Math.round(row.meanHashes))), 'minelog-mean');
  withTestId(cell(tr, `2^${bits} = ${formatBigNumber(Math.round(row.expectedHashes))}`), 'minelog-expected');
  withTestId(cell(tr, `${formatFixed(row.ratio, 2)}×`), 'minelog-ratio').title = spreadStatement(row.count);
  withTestId(cell(tr, formatDuration(row.meanSeconds)), 'minelog-time');
  const expected = row.hashrate > 0 ? `${formatDuration(row.expectedSeconds)} at ${formatRate(row.hashrate)}` : DASH;
  withTestId(cell(tr, expected), 'minelog-expected-time');
  return tr;
}

export function mountMineLogPanel(root: HTMLElement): void {
  const box = find(root, 'minelog');
  const empty = find(root, 'minelog-empty');
  const wrap = find(root, 'minelog-wrap');
  const rows = find(root, 'minelog-rows');
  const note = find(root, 'minelog-note');
  const clear = find<HTMLButtonElement>(root, 'minelog-clear');
  const status = find(root, 'minelog-status');

  const render = () => {
    const log = readMineLog();
    const summary = summarizeMineLog(log);
    const any = summary.length > 0;
    box.dataset['state'] = any ? 'ready' : 'empty';
    box.dataset['blocks'] = String(log.length);
    empty.hidden = any;
    wrap.hidden = !any;
    note.hidden = !any;
    clear.disabled = !any;
    rows.replaceChildren(...summary.map(summaryRow));
    const only = summary.length === 1 ? summary[0]! : undefined;
    status.textContent = !any
      ? ''
      : only
        ? spreadStatement(only.count).replace('2^bits', `2^${bitsLabel(only.bits)}`)
        : `${formatCount(log.length)} blocks logged (the latest ${formatCount(MINE_LOG_LIMIT)} are kept).`;
  };

  clear.addEventListener('click', () => {
    clearMineLog();
    render();
  });
  // Another tab mined (the storage event), this tab mined (its own event), or the learner comes back here.
  watchMineLog(render);
  addEventListener('hashchange', () => {
    if (location.hash === '#difficulty') render();
  });
  render();
}
