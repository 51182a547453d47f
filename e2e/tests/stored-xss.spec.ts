import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectJson } from './helpers.ts';
import { closeContexts } from './marketplace.ts';
import { expectNoHits, expectShownInert, hits, PIECES, placed, watch } from './xss-payloads.ts';
import { buildWorld, type World } from './xss-world.ts';

/** Issue #10, part 3: every field a person writes holds script payloads (xss-world.ts); every page
 * that shows them, to the parties, the admin and a visitor, shows them as text, and nothing runs —
 * no payload call, no dialog, no CSP violation (xss-payloads.ts). */

test.afterEach(async ({ browser: _browser }, testInfo) => closeContexts(testInfo));

type Who = 'business' | 'influencer' | 'admin' | 'visitor';

/** [who, path, fields the page must show as text]. */
function visits(w: World): [Who, string, string[]][] {
  const h = w.influencer.handle;
  const profile = [
    'bizName',
    'infName',
    'infBio',
    'infCity',
    'socHandle',
    'pfTitle',
    'pfDesc',
    'pfBrand',
    'campName',
    'reviewByBiz',
    'link:pfUrl',
    'link:socUrl',
  ];
  const businessPage = [
    'bizName',
    'infName',
    'bizDesc',
    'bizCity',
    'bizWeb',
    'campName',
    'reviewByInf',
    'link:bizWeb',
  ];
  const collaboration = [
    'campName',
    'barter',
    'delivNotes',
    'proofUrl',
    'proofNote',
    'changes',
    'proofUrl2',
    'proofNote2',
    'amendNote',
    'reviewByInf',
    'reviewByBiz',
    'link:proofUrl2',
  ];
  return [
    ['business', `/influencers?q=${h}`, ['infName']],
    ['business', `/influencers/${h}`, profile],
    ['admin', `/influencers/${h}`, profile],
    ['visitor', `/i/${h}`, profile],
    ['influencer', `/businesses/${w.businessId}`, businessPage],
    ['admin', `/businesses/${w.businessId}`, businessPage],
    ['visitor', '/campaigns', ['bizName', 'campName']],
    ['visitor', `/campaigns/${w.campaignId}`, ['bizName', 'campName']],
    ['influencer', '/campaigns', ['bizName', 'campName', 'campBrief']],
    [
      'influencer',
      `/campaigns/${w.campaignId}`,
      ['bizName', 'campName', 'campBrief', 'barter', 'delivNotes'],
    ],
    ['business', `/campaigns/${w.campaignId}`, ['bizName', 'campName', 'campBrief', 'barter', 'delivNotes']],
    ['business', `/campaigns/${w.campaignId}/offers`, ['infName', 'campName', 'delivNotes', 'pitch']],
    ['business', `/campaigns/${w.rejectedCampaignId}/offers`, ['infName', 'campBName', 'pitchB', 'reject']],
    ['influencer', '/offers', ['bizName', 'campName', 'barter', 'campBName', 'reject']],
    ['influencer', '/inbox', ['bizName', 'campName', 'campBName', 'msgBiz']],
    [
      'influencer',
      `/inbox/${w.conversationId}`,
      ['bizName', 'campName', 'barter', 'pitch', 'msgInf', 'msgBiz'],
    ],
    [
      'business',
      `/inbox/${w.conversationId}`,
      ['infName', 'campName', 'barter', 'pitch', 'msgInf', 'msgBiz'],
    ],
    ['influencer', '/collaborations', ['bizName', 'campName']],
    ['influencer', `/collaborations/${w.collaborationId}`, ['bizName', ...collaboration]],
    ['business', `/collaborations/${w.collaborationId}`, ['infName', ...collaboration]],
    ['influencer', '/dashboard', ['bizName', 'infName', 'campName', 'campBName', 'invite']],
    ['business', '/dashboard', ['bizName', 'infName', 'campName', 'campBName', 'unpublish']],
    ['influencer', '/notifications', ['bizName', 'campName', 'campBName', 'changes', 'warnMsg']],
    ['business', '/notifications', ['infName', 'campName', 'campBName', 'resolveNote', 'unpublish']],
    ['influencer', '/reports', ['bizName', 'campName']],
    [
      'influencer',
      `/reports/${w.reportId}`,
      ['bizName', 'campName', 'reportDesc', 'reportMsgInf', 'reportMsgAdmin', 'resolveNote'],
    ],
    [
      'business',
      `/reports/${w.reportId}`,
      ['infName', 'campName', 'reportDesc', 'reportMsgBiz', 'reportMsgAdmin', 'resolveNote'],
    ],
    ['admin', '/admin', []],
    ['admin', '/admin/reports', ['bizName', 'infName', 'campName', 'reportDesc']],
    [
      'admin',
      `/admin/reports/${w.reportId}`,
      [
        'bizName',
        'infName',
        'campName',
        'barter',
        'pitch',
        'msgInf',
        'msgBiz',
        'proofUrl',
        'proofNote',
        'changes',
        'proofUrl2',
        'proofNote2',
        'amendNote',
        'reportDesc',
        'reportMsgInf',
        'reportMsgBiz',
        'reportMsgAdmin',
        'resolveNote',
        'warnMsg',
      ],
    ],
    ['admin', '/admin/users', ['bizName', 'infName', 'victimName']],
    ['admin', `/admin/users/${w.suspendedId}`, ['victimName', 'suspendReason']],
    ['admin', `/admin/users/${w.influencerId}`, ['infName', 'warnMsg']],
    ['admin', `/admin/users/${w.businessId}`, ['bizName', 'resolveNote']],
    ['admin', '/admin/campaigns', ['bizName', 'campName', 'campBName', 'unpublish']],
    [
      'admin',
      '/admin/audit-log',
      [
        'bizName',
        'infName',
        'campBName',
        'faqQ',
        'reportMsgAdmin',
        'resolveNote',
        'warnMsg',
        'victimName',
        'suspendReason',
        'unpublish',
        'faqAnswer',
      ],
    ],
    ['visitor', '/faq', ['faqQ']],
  ];
}

/** The editors show the stored payloads as field values (never as markup). */
async function expectInFields(page: Page, where: string, keys: string[]) {
  const values = await page
    .locator('input, textarea')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  for (const key of keys) {
    const text = placed.get(key)?.text ?? key;
    expect(values, `${key} in a field of ${where}`).toContain(text);
  }
  await expectShownInert(page, where, []);
}

/** The payload pieces a server page holds verbatim (unescaped: each has a `<`, `"` or `'`). */
const verbatim = (html: string) =>
  [...placed.values()].flatMap((p) =>
    p.parts.filter((part) => html.includes(part)).map((part) => `${p.key}: ${part}`),
  );

test('every field a person writes holds script payloads; every page shows them as text and runs none', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const w = await buildWorld(browser);
  expectNoHits('setup');
  const pages: Record<Who, Page> = {
    business: w.business.page,
    influencer: w.influencer.page,
    admin: w.admin,
    visitor: w.visitor,
  };
  let visited = 0;

  // ── The pages as the parties, the admin and a visitor see them.
  for (const [who, path, keys] of visits(w)) {
    const page = pages[who];
    await page.goto(path);
    await expectShownInert(page, `${path} as ${who}`, keys);
    visited += 1;
  }

  // ── The answered FAQ entry, opened; the admin's answered questions.
  const faq = w.visitor;
  await faq
    .getByText(placed.get('faqQ')?.head ?? '', { exact: false })
    .filter({ visible: true })
    .first()
    .click();
  await expectShownInert(faq, '/faq answer', ['faqQ', 'faqAnswer']);
  await w.admin.goto('/admin/faq');
  await w.admin.getByText('Answered', { exact: true }).click();
  await expectShownInert(w.admin, '/admin/faq answered', ['faqQ', 'faqName', 'faqAnswer']);
  visited += 1;

  // ── The owners' editors.
  await w.influencer.page.goto('/profile');
  await expect(w.influencer.page.locator('textarea').first()).toBeVisible();
  await expectInFields(w.influencer.page, '/profile', ['infName', 'infBio', 'infCity']);
  await w.business.page.goto('/business-profile');
  await expect(w.business.page.locator('textarea').first()).toBeVisible();
  await expectInFields(w.business.page, '/business-profile', ['bizName', 'bizDesc', 'bizCity', 'bizWeb']);
  visited += 2;

  // ── The server-rendered pages: escaped in the HTML itself, and shown with the app's scripts blocked.
  const served: [string, string[]][] = [
    [`/i/${w.influencer.handle}`, ['infName', 'infBio']],
    ['/campaigns', ['bizName', 'campName']],
    [`/campaigns/${w.campaignId}`, ['bizName', 'campName']],
    ['/faq', ['faqQ', 'faqAnswer']],
  ];
  for (const [path, keys] of served) {
    const html = await (await w.visitor.request.get(path)).text();
    expect(verbatim(html), `unescaped payloads in the HTML of ${path}`).toEqual([]);
    for (const key of keys) expect.soft(html, `${key} in the HTML of ${path}`).toContain(`xss-${key}`);
  }
  const noScripts = await browser.newContext();
  try {
    await watch(noScripts);
    const page = await noScripts.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    for (const [path, keys] of served) {
      await page.goto(path);
      await expectShownInert(
        page,
        `${path} (server-rendered)`,
        keys.filter((k) => k !== 'faqAnswer'),
      );
      visited += 1;
    }
  } finally {
    await noScripts.close();
  }

  // ── The e-mails the flow sent (offers, messages, decisions, the FAQ answer): escaped HTML too.
  const { items: mails } = await expectJson<{ items: { subject: string; html: string | null }[] }>(
    await w.visitor.request.get('/api/v1/dev/mail'),
    200,
  );
  const withPayloads = mails.filter((m) => m.html?.includes('xss-'));
  expect(withPayloads.length, 'e-mails that carry a payload').toBeGreaterThan(0);
  for (const mail of withPayloads)
    expect.soft(verbatim(mail.html ?? ''), `unescaped payloads in the e-mail "${mail.subject}"`).toEqual([]);

  const pieces = [...placed.values()].reduce((n, p) => n + p.pieces, 0);
  console.log(
    `stored XSS: ${placed.size} fields, ${pieces} payload pieces (${PIECES.length} kinds), ${visited} page visits, ${withPayloads.length} e-mails, ${hits.length} hits`,
  );
  expectNoHits('the end');
  await w.admin.context().close();
  await w.visitor.context().close();
});

test('the detectors notice markup that does get into a page: the CSP refusal, a dialog, a script URL', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await watch(context);
  const page = await context.newPage();
  await page.goto('/faq');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  hits.length = 0;
  // What an unescaped field would put in the page: the CSP refuses the handler, and says so.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', `<img src=x onerror="__xssHit('control')">`);
  });
  await expect.poll(() => hits.join('\n')).toMatch(/csp script-src-attr/);
  // What would run if the CSP were gone: the recorder, and a dialog.
  await page.evaluate(() => (window as unknown as { __xssHit: (s: string) => void }).__xssHit('control'));
  await page.evaluate(() => setTimeout(() => alert('control'), 0));
  await expect.poll(() => hits.join('\n')).toMatch(/executed: control[\s\S]*dialog: control/);
  expect(() => expectNoHits('control')).toThrow();
  hits.length = 0;
  // A script URL and an injected element fail the page check even when nothing ran.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.setAttribute('href', ' javascript:void(0)');
    a.textContent = 'x';
    document.body.append(a);
  });
  await expect(expectShownInert(page, 'control', [])).rejects.toThrow(/script URLs/);
  hits.length = 0;
  await context.close();
});
