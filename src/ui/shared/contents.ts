// A short contents for a long screen: one link per panel (each `section.panel` with an h2), shown at
// phone width where the panels stack (components.css), so a learner jumps to any panel without
// scrolling through the others. Links scroll in place: the URL's hash names the screen, not a panel.
import { h } from './dom.js';

export function addContents(root: HTMLElement, label = 'On this screen'): HTMLElement | undefined {
  const sections = [...root.querySelectorAll<HTMLElement>('section.panel')].filter((s) => s.querySelector('h2'));
  if (sections.length < 3) return undefined;
  const list = h('ul');
  for (const section of sections) {
    const heading = section.querySelector('h2')!;
    const link = h('a', { text: section.dataset['contentsLabel'] ?? heading.textContent ?? '', attrs: { href: location.hash || '#' } });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      section.scrollIntoView({ block: 'start' });
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    });
    list.append(h('li', {}, link));
  }
  const nav = h('nav', { class: 'screen-contents', attrs: { 'aria-label': label, 'data-testid': 'screen-contents' } }, list);
  root.prepend(nav);
  return nav;
}
