// The page's hashing registry (registry.ts) over Web Workers: every screen that mines or measures
// claims it here, so one place knows who is hashing.
import { createBrowserPool } from './browser-pool.js';
import { HashingRegistry } from './registry.js';

export const hashing = new HashingRegistry(createBrowserPool);

addEventListener('pagehide', () => hashing.close());
