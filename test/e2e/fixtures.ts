// A `test` whose every page is watched: each request (page and workers) must stay on the app's own
// origin, and the test fails on any console error, uncaught page error or CSP violation.
import { expect, test as base, type Page } from '@playwright/test';

interface Watch {
  requests: string[];
  problems: string[];
}

declare global {
  interface Window {
    __powlabCspViolation?: (text: string) => void;
  }
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page, context, baseURL }, use) => {
      const watch: Watch = { requests: [], problems: [] };
      context.on('request', (request) => watch.requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
      await page.exposeFunction('__powlabCspViolation', (text: string) => {
        watch.problems.push(`CSP violation: ${text}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__powlabCspViolation?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
        });
      });

      await use(watch);

      const base = baseURL ?? 'http://localhost:4173';
      const foreign = watch.requests.filter((url) => !url.startsWith(base));
      expect(foreign, 'requests that left the origin').toEqual([]);
      expect(watch.problems, 'console errors, page errors and CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the Hash screen and waits until the first digest (of the empty input) is on screen. */
export async function openHashScreen(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'ready');
}
