// Panel 5: the two sentences a learner remembers, computed from this browser's measured rate, the
// catalogue and the screen's difficulty. Without a measurement they say how to get one; without
// typed watts the power reads "enter watts", never a guess.
import { DEVICES, deviceById, type DeviceProfile } from '../../../model/devices.js';
import { copiesToMatch, deviceFigures } from '../../../sim/device-economics.js';
import { find } from '../../shared/dom.js';
import { formatBigNumber, formatDuration, formatPower, formatRate } from '../../shared/format.js';
import type { DeviceStore } from './store.js';
import { ENTER_WATTS } from './wording.js';

/** The newest flagship (the S23 Hyd), else the fastest ASIC of the catalogue. */
function flagship(): DeviceProfile {
  return deviceById('s23hyd') ?? [...DEVICES].filter((d) => d.kind === 'asic').sort((a, b) => b.hashrate - a.hashrate)[0]!;
}

/** The machine most mining farms ran in 2024 (the S21), else the flagship. */
function workhorse(): DeviceProfile {
  return deviceById('s21') ?? flagship();
}

export function mountSentencesPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-sentences-panel');
  const wait = find(panel, 'dv-sentence-wait');
  const match = find(panel, 'dv-sentence-match');
  const note = find(panel, 'dv-sentence-note');

  const render = () => {
    const input = store.economics;
    const browser = store.browser();
    const big = flagship();
    const s21 = workhorse();
    const bigWait = formatDuration(deviceFigures(big, input).expectedSecondsToBlock);
    note.textContent = `At a difficulty of ${formatBigNumber(input.difficulty)} (set it under Solo odds); ${big.name}: ${formatRate(big.hashrate)}, ${s21.name}: ${formatRate(s21.hashrate)}${s21.watts === null ? '' : ` drawing ${formatPower(s21.watts)}`}.`;
    panel.dataset['measured'] = String(browser !== undefined);
    if (!browser) {
      wait.textContent = `Alone, one ${big.name} would wait about ${bigWait} for a block. How long would this browser wait? Press Measure now above (a few seconds) or run the Benchmark screen, and this sentence will say.`;
      match.textContent = `Matching one ${s21.name} takes how many copies of this browser? Measure it first, then type its watts to see the power they would draw.`;
      return;
    }
    const browserWait = formatDuration(deviceFigures(browser, input).expectedSecondsToBlock);
    wait.textContent = `Alone, this browser would wait about ${browserWait} for a block; one ${big.name} about ${bigWait}.`;
    const { copies, kilowatts } = copiesToMatch(s21, browser);
    const power = kilowatts === null ? `${ENTER_WATTS} for this browser above to see the power they would draw` : `drawing about ${formatBigNumber(kilowatts)} kW`;
    match.textContent = `Matching one ${s21.name} takes ${formatBigNumber(copies)} copies of this browser, ${power}${kilowatts !== null && s21.watts !== null ? ` (the ${s21.name} itself: ${formatBigNumber(s21.watts / 1000)} kW)` : ''}.`;
  };
  store.onChange(render);
  render();
}
