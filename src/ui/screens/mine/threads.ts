// The threads field, shared by both searches on the screen: 1 up to the logical cores the browser reports.

import { defaultThreads } from '../../../engine/mining/browser-pool.js';
import { parseInteger } from '../../../model/validate.js';
import { find } from '../../shared/dom.js';

export class ThreadsField {
  readonly input: HTMLInputElement;
  private readonly error: HTMLElement;
  readonly max: number;

  constructor(root: HTMLElement) {
    this.input = find(root, 'mine-threads');
    this.error = find(root, 'mine-threads-error');
    this.max = defaultThreads();
    this.input.max = String(this.max);
    this.input.value = String(this.max);
    find(root, 'mine-threads-range').textContent = `(1 to ${this.max}, the logical cores this browser reports)`;
    this.input.addEventListener('input', () => this.read());
  }

  /** The thread count, or undefined with the problem shown next to the field. */
  read(): number | undefined {
    try {
      const text = this.input.value.trim();
      if (text === '') throw new Error(`enter a number of threads from 1 to ${this.max}`);
      const n = parseInteger(text, 'threads', 1, this.max);
      this.input.removeAttribute('aria-invalid');
      this.error.textContent = '';
      return n;
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/^threads: /, '') : String(error);
      this.input.setAttribute('aria-invalid', 'true');
      this.error.textContent =
        this.input.value.trim() === '0' ? `at least 1 thread is needed to hash anything (up to ${this.max})` : message;
      return undefined;
    }
  }
}
