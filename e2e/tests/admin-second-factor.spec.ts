import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { enterAdminCode, seriousViolations, snap } from './helpers.ts';
import { totpCode } from './totp.ts';

// A fresh admin exists only at a server's first boot (ADMIN_EMAIL, never by registration), and the
// suite's server already has the enrolled demo admin: this flow starts a server of its own, next to
// it, with an operator admin that has no second factor yet (and no demo data).
const port = Number(process.env.E2E_PORT ?? 3210) + 1;
const base = `http://127.0.0.1:${port}`;
const operator = { email: 'operator@e2e.bextr.eu', password: 'operator-passphrase-2026' };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bextr-e2e-2fa-')),
      NODE_ENV: 'development',
      SEED_DEMO: 'false',
      ADMIN_EMAIL: operator.email,
      ADMIN_PASSWORD: operator.password,
      RATE_LIMIT_SCALE: '50',
      LOG_LEVEL: 'warn',
    },
  });
  for (let i = 0; i < 240; i++) {
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the second server did not start');
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server?.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

async function signInWithPassword(page: Page) {
  await page.goto(`${base}/sign-in`);
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel('E-mail').fill(operator.email);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(`${base}/`);
}

test('a new admin sets up two-step sign-in, then signs in with a code and with a recovery code', async ({
  page,
}) => {
  test.setTimeout(240_000); // codes are single-use per 30 s step: a sign-in may wait for the next one
  await page.setViewportSize({ width: 1280, height: 900 });

  // First sign-in: the password is enough to get in, but the app sends the admin to the setup.
  await signInWithPassword(page);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/second-factor\/setup/);
  // The admin console stays closed until the setup is done (each visit shows a new key).
  await page.goto(`${base}/admin/faq`);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code to add BeXtr to an authenticator app' })).toBeVisible();
  const secret = ((await page.getByLabel('Setup key').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, '60-admin-second-factor-setup');

  // A wrong code is refused by the field; the right one turns it on and shows the recovery codes.
  const code = page.getByLabel('Authentication code');
  await code.fill('12345');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByText('Enter the 6 digits from your authenticator app.')).toBeVisible();
  await code.fill(totpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in is on', level: 1 })).toBeVisible();
  const codes = await page
    .getByRole('list', { name: 'Recovery codes' })
    .getByRole('listitem')
    .allInnerTexts();
  expect(codes).toHaveLength(10);
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeDisabled();
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '61-admin-recovery-codes-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel('I saved my recovery codes').check();
  await continueButton.click();
  await expect(page).toHaveURL(/\/admin\/faq/);
  await expect(page.getByRole('heading', { name: 'FAQ', level: 1 })).toBeVisible();
  await signOut(page);

  // Next sign-in: password, then a code from the app.
  await signInWithPassword(page);
  await expect(page.getByRole('heading', { name: 'Two-step sign-in', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Authentication code')).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(page.getByLabel('Authentication code')).toHaveAttribute('inputmode', 'numeric');
  await snap(page, '62-admin-sign-in-code');
  await enterAdminCode(page, secret);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto(`${base}/settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByText('10 recovery codes left')).toBeVisible();
  await signOut(page);

  // And with a recovery code instead, once.
  await signInWithPassword(page);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0] as string);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto(`${base}/settings`);
  await expect(page.getByText('9 recovery codes left')).toBeVisible();
  await snap(page, '63-admin-settings-security');
  await signOut(page);

  await signInWithPassword(page);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0] as string);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('This recovery code is not correct or has already been used.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
