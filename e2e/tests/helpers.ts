import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';

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
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
