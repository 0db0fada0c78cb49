// Saving what the page made (a JSON export, a CSV table, a chart's PNG) as a file: a blob URL clicked
// through a temporary link, revoked once the browser has taken it. Nothing leaves the device, and
// no data: URL is navigated to.
import { h } from './dom.js';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download the browser has not started reading yet.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
