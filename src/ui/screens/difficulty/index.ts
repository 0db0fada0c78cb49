// The Difficulty screen: Bitcoin's retarget as a calculator, a chain simulation that compares
// difficulty algorithms side by side (in a worker, with progress and cancel), the odds of finding a
// block alone, and what the learner measured on "Mine a block". The arithmetic is in sim/ and model/
// (retarget.ts, chain-sim.ts, luck.ts, mine-log.ts); each panel reads its fields, shows inline
// errors, and draws.
import { addContents } from '../../shared/contents.js';
import { addTableExports } from '../../shared/export.js';
import { mountLuckPanel } from './luck-panel.js';
import { mountMineLogPanel } from './mine-log-panel.js';
import { mountRetargetPanel } from './retarget-panel.js';
import { mountSimulationPanel } from './simulation-panel.js';
import { DIFFICULTY_TEMPLATE } from './template.js';

export function mountDifficultyView(root: HTMLElement): void {
  root.innerHTML = DIFFICULTY_TEMPLATE;
  root.classList.add('diff-view');
  addContents(root);
  addTableExports(root);
  mountRetargetPanel(root);
  mountSimulationPanel(root);
  mountLuckPanel(root);
  mountMineLogPanel(root);
}
