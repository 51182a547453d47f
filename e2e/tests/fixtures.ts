import { type BrowserContext, test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** `E2E_CPU_THROTTLE=4` runs every page's JavaScript four times slower (Chrome DevTools' CPU
 * throttling), as on a busy CI machine: a flow that only passes on a fast machine fails here. */
const rate = Number(process.env.E2E_CPU_THROTTLE ?? 1);
if (!Number.isFinite(rate) || rate < 1)
  throw new Error(`E2E_CPU_THROTTLE must be a number ≥ 1, not "${process.env.E2E_CPU_THROTTLE}"`);

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

function throttlePagesOf(context: BrowserContext) {
  context.on('page', (page) => {
    throttle(page).catch(() => undefined);
  });
}

/** Playwright's `test`, with every page of the flow throttled when E2E_CPU_THROTTLE asks for it. */
export const test = base.extend<{ slowCpu: undefined }>({
  context: async ({ context }, use) => {
    if (rate > 1) throttlePagesOf(context);
    await use(context);
  },
  // The flow's own page is throttled before its first step (the 'page' event above does not wait).
  page: async ({ page }, use) => {
    if (rate > 1) await throttle(page);
    await use(page);
  },
  slowCpu: [
    async ({ browser }, use) => {
      if (rate <= 1) return use(undefined);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        throttlePagesOf(context);
        return context;
      };
      await use(undefined);
      browser.newContext = newContext;
    },
    { auto: true },
  ],
});
