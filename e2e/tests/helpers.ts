import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { withFreshCode } from './totp.ts';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Keeps a full-page screenshot under e2e/artifacts/ (CI keeps them). */
export async function snap(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The newest e-mail to an address from the dev mailbox, waiting briefly for the outbox. */
export async function latestMailTo(request: APIRequestContext, to: string): Promise<Mail> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await request.get('/api/v1/dev/mail');
    const { items } = (await response.json()) as { items: Mail[] };
    const mail = items.find((m) => m.to.toLowerCase() === to.toLowerCase());
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no e-mail to ${to}`);
}

/** The first link in an e-mail's text. */
export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error('no link in e-mail');
  return match[0];
}

/** The page's serious and critical axe violations (WCAG 2 A and AA), one line each: `[]` passes. */
export async function seriousViolations(page: Page, within?: string) {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const results = await builder.withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The JSON answer of an API call made in a flow's setup, after checking its status (the body is
 * the failure message otherwise). */
export async function expectJson<T>(
  response: Awaited<ReturnType<APIRequestContext['get']>>,
  status: number,
): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The demo admin (seeded when no ADMIN_EMAIL is set, as in these flows) and its published demo
 * authenticator secret (apps/api/src/seed/demo-admin.ts, README). */
export const demoAdmin = {
  email: 'admin@demo.bextr.eu',
  password: 'demo-admin-2026',
  totpSecret: 'BEXTRDEMOADMINTOTPLOCALUSEONLY22',
};

/** Signs the demo admin in through the sign-in page: password, then a code from the authenticator
 * secret. Ends on the page the sign-in leads to (the admin console, or `?next=`). */
export async function signInAsAdmin(page: Page, opts: { path?: string } = {}) {
  await page.goto(opts.path ?? '/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel('E-mail').fill(demoAdmin.email);
  await page.getByLabel('Password').fill(demoAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in', level: 1 })).toBeVisible();
  await enterAdminCode(page, demoAdmin.totpSecret);
}

/** Types codes of `secret` into the sign-in's code step until one is accepted. */
export async function enterAdminCode(page: Page, secret: string) {
  await withFreshCode(secret, async (code) => {
    await page.getByLabel('Authentication code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    const refused = page.getByText('This code is not correct or has already been used.', { exact: false });
    const left = page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 15_000 });
    const outcome = await Promise.race([
      left.then(() => 'in' as const),
      refused
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => 'refused' as const),
    ]);
    return outcome === 'in';
  });
}

/** Signs the demo admin in for API calls (`request` fixture): password, then a code. */
export async function signInAdminRequest(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: demoAdmin.email, password: demoAdmin.password },
  });
  if (!login.ok()) throw new Error(`admin sign-in answered ${login.status()}`);
  await withFreshCode(demoAdmin.totpSecret, async (code) => {
    const second = await request.post('/api/v1/auth/second-factor', { data: { code } });
    return second.ok();
  });
}
