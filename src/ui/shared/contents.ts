// A short contents for a long screen: one link per panel (each `section.panel` with an h2), shown at
// phone width where the panels stack (components.css), so a learner jumps to any panel without
// scrolling through the others. Links scroll in place: the URL's hash names the screen, not a panel.
import { h } from './dom.js';

export function addContents(root: HTMLElement, label = 'On this screen'): HTMLElement | undefined {
  const sections = [...root.querySelectorAll<HTMLElement>('section.panel')].filter((s) => s.querySelector('h2'));
  if (sections.length < 3) return undefined;
  const list = h('ul', { class: 'pills' });
  const nav = h('nav', { class: 'screen-contents', attrs: { 'aria-label': label, 'data-testid': 'screen-contents' } }, list);
  for (const section of sections) {
    const heading = section.querySelector('h2')!;
    const link = h('a', { text: section.dataset['contentsLabel'] ?? heading.textContent ?? '', attrs: { href: location.hash || '#' } });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      // Below the sticky contents bar, however many rows its links wrap to.
      const top = section.getBoundingClientRect().top + scrollY - nav.getBoundingClientRect().height - 8;
      scrollTo({ top: Math.max(0, top) });
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    });
    const item = h('li', {}, link);
    // A panel that is hidden until it has something to show (a result) gets no link until then.
    const sync = () => (item.hidden = section.hidden);
    new MutationObserver(sync).observe(section, { attributes: true, attributeFilter: ['hidden'] });
    sync();
    list.append(item);
  }
  root.prepend(nav);
  return nav;
}
