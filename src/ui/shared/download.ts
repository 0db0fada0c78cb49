// Saving text the page made (a JSON export, a CSV) as a file: a blob URL clicked through a
// temporary link, revoked once the browser has taken it. Nothing leaves the device.
import { h } from './dom.js';

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
