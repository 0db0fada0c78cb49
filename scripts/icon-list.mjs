// The app's PNG icons and the SVG each is drawn from (public/icons/): read by scripts/icons.mjs, which
// draws them, and by the offline test, which checks that the committed PNGs still match their SVGs.
/** @type {ReadonlyArray<{ source: string, size: number, out: string }>} */
export const ICONS = [
  { source: 'icon.svg', size: 192, out: 'icon-192.png' },
  { source: 'icon.svg', size: 512, out: 'icon-512.png' },
  { source: 'icon.svg', size: 180, out: 'apple-touch-icon.png' },
  { source: 'maskable.svg', size: 512, out: 'maskable-512.png' },
];
