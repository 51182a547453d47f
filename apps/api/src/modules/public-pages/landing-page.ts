import {
  influencerPageContent,
  type LandingMockContent,
  type LandingSide,
  type Locale,
  landingChromeContent,
  landingContent,
  landingMockContent,
  languageNames,
  locales,
  type PublicStats,
} from '@bextr/contracts';
import { escapeHtml as e, localized } from './html.ts';

/** The landing page as visitors get it (decision 020): the whole page — header, menus, content,
 * footer — rendered here and made interactive by the web build's small `landing` script (language
 * switch, phone menu, color scheme), not by the React app. Class names (`lp-…`) are styled by
 * apps/web/src/landing/landing.css. Every link into the app is an ordinary navigation. */

const svg = (paths: string) =>
  `<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths}</svg>`;
const icons = {
  light: svg(
    '<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>',
  ),
  dark: svg('<path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/>'),
  auto: svg(
    '<circle cx="12" cy="12" r="9"/><path d="M12 3v18"/><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>',
  ),
  check: svg('<path d="M5 12l5 5L20 7"/>'),
};

/** For the page's <head>. Without the script the burger and the color-scheme button could do
 * nothing: this hides them and lets the links wrap under the brand (the CSP allows inline styles,
 * not scripts). */
export const landingNoScriptStyle =
  '<noscript><style>.lp-burger,.lp-scheme{display:none!important}.lp-nav{display:flex!important}.lp-header{position:static;flex-wrap:wrap;padding:8px 16px}</style></noscript>';

function header(locale: Locale): string {
  const c = landingChromeContent[locale];
  const links = [
    { href: localized('/', locale), label: c.home, current: true },
    { href: localized('/campaigns', locale), label: c.campaigns },
    { href: localized('/faq', locale), label: c.faq },
    { href: '/sign-in', label: c.signIn },
    { href: '/sign-up', label: c.signUp },
  ];
  const options = locales
    .map(
      (code) =>
        `<option value="${code}" lang="${code}"${code === locale ? ' selected' : ''}>${e(languageNames[code])}</option>`,
    )
    .join('');
  const schemes = (['light', 'dark', 'auto'] as const)
    .map(
      (scheme) =>
        `<button type="button" role="menuitem" class="lp-scheme-item" data-scheme="${scheme}">${icons[scheme]}<span>${e(c.colorScheme[scheme])}</span><span class="lp-scheme-check">${icons.check}</span></button>`,
    )
    .join('');
  return `<a href="#main" class="lp-skip">${e(c.skipToContent)}</a>
<header class="lp-header">
<div class="lp-bar">
<button type="button" class="lp-burger" aria-expanded="false" aria-controls="lp-nav" aria-label="${e(c.openMenu)}" data-open-label="${e(c.openMenu)}" data-close-label="${e(c.closeMenu)}"><span class="lp-burger-lines"></span></button>
<a class="lp-brand" href="${localized('/', locale)}">Be<span>X</span>tr</a>
</div>
<nav id="lp-nav" class="lp-nav" aria-label="${e(c.navLabel)}">
${links.map((l) => `<a href="${l.href}"${l.current ? ' aria-current="page"' : ''}>${e(l.label)}</a>`).join('\n')}
</nav>
<div class="lp-tools">
<form class="lp-lang" method="get" action="/">
<select name="lang" aria-label="${e(c.language)}">${options}</select>
<noscript><button type="submit">OK</button></noscript>
</form>
<div class="lp-scheme">
<button type="button" class="lp-scheme-button" aria-haspopup="menu" aria-expanded="false" aria-controls="lp-scheme-menu" title="${e(c.colorScheme.label)}" data-label="${e(c.colorScheme.label)}">${icons.auto}</button>
<div id="lp-scheme-menu" class="lp-scheme-menu" role="menu" aria-label="${e(c.colorScheme.label)}" hidden>${schemes}</div>
</div>
</div>
</header>`;
}

const button = (href: string, label: string, variant: 'filled' | 'light' | 'default' = 'filled') =>
  `<a class="lp-button lp-button-${variant}" href="${href}">${e(label)}</a>`;

function businessVisual(m: LandingMockContent): string {
  return `<div class="lp-visual" aria-hidden="true">
<div class="lp-mock"><div class="lp-mock-row"><strong>${e(m.campaignName)}</strong><span class="lp-badge lp-badge-lg">${e(m.campaignPay)}</span></div>
<p class="lp-dimmed">${e(m.campaignMeta)}</p><div class="lp-progress"><span class="lp-progress-bar"></span></div><p class="lp-dimmed lp-xs">${e(m.slots)}</p></div>
<div class="lp-mock lp-mock-indent"><strong>${e(m.offerFrom)}</strong><p class="lp-dimmed">${e(m.offerMeta)}</p>
<div class="lp-mock-row lp-mock-start"><span class="lp-fake lp-fake-primary">${e(m.accept)}</span><span class="lp-fake">${e(m.decline)}</span></div></div>
</div>`;
}

function influencerVisual(m: LandingMockContent): string {
  const rows = m.deliverables
    .map(
      (item, i) =>
        `<div class="lp-mock-row"><span>${e(item)}</span><span class="lp-badge">${i < 2 ? `✓ ${e(m.approved)}` : e(m.delivered)}</span></div>`,
    )
    .join('');
  return `<div class="lp-visual lp-mock" aria-hidden="true"><strong>${e(m.campaignName)}</strong>
<div class="lp-mock-list">${rows}</div>
<p class="lp-rating">★★★★★ <span class="lp-rating-label">${e(m.rating)}</span></p></div>`;
}

function side(s: LandingSide, id: string, role: 'business' | 'influencer', visual: string): string {
  return `<section class="lp-card lp-side" aria-labelledby="${id}">
<div class="lp-side-text">
<h2 id="${id}">${e(s.title)}</h2>
<p class="lp-lg">${e(s.lead)}</p>
<ol class="lp-steps">${s.steps.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
<p class="lp-actions">${button(`/sign-up?role=${role}`, s.cta, role === 'business' ? 'filled' : 'light')}</p>
</div>
${visual}
</section>`;
}

/** The page between `<body>` and the scripts: for `#root` of the web build's landing.html. */
export function renderLandingPage(locale: Locale, stats: PublicStats): string {
  const c = landingContent[locale];
  const chrome = landingChromeContent[locale];
  const { formatNumber } = influencerPageContent[locale];
  const figure = (n: number | null) => (n === null ? e(c.stats.soon) : formatNumber(n));
  const card = (item: { title: string; text: string }) =>
    `<div class="lp-card lp-small-card"><h3>${e(item.title)}</h3><p>${e(item.text)}</p></div>`;
  const main = `<div class="lp-hero">
<div class="lp-hero-text">
<h1 class="lp-title">${e(c.hero.title)}</h1>
<p class="lp-xl">${e(c.hero.lead)}</p>
<p class="lp-actions">${button('/sign-up?role=business', c.business.cta)} ${button('/sign-up?role=influencer', c.influencer.cta, 'light')}</p>
<p><a class="lp-link" href="${localized('/faq', locale)}">${e(c.hero.faqLink)}</a> · ${e(chrome.haveAccount)} <a class="lp-link" href="/sign-in">${e(chrome.signInLink)}</a></p>
</div>
<section class="lp-card lp-stats" aria-labelledby="stats-title">
<h2 id="stats-title">${e(c.stats.title)}</h2>
<dl class="lp-figures">
<div><dt>${e(c.stats.campaigns)}</dt><dd>${figure(stats.publishedCampaigns)}</dd></div>
<div><dt>${e(c.stats.influencers)}</dt><dd>${figure(stats.influencers)}</dd></div>
</dl>
</section>
</div>
${side(c.business, 'for-businesses', 'business', businessVisual(landingMockContent[locale]))}
${side(c.influencer, 'for-influencers', 'influencer', influencerVisual(landingMockContent[locale]))}
<section aria-labelledby="how-title">
<h2 id="how-title" class="lp-section-title">${e(c.howItWorks.title)}</h2>
<ol class="lp-flow">${c.howItWorks.steps
    .map(
      (step, i) =>
        `<li class="lp-card lp-small-card"><div class="lp-step-head"><span class="lp-step-number" aria-hidden="true">${i + 1}</span><h3>${e(step.title)}</h3></div><p>${e(step.text)}</p></li>`,
    )
    .join('')}</ol>
</section>
<section aria-labelledby="pay-title">
<h2 id="pay-title" class="lp-section-title">${e(c.compensation.title)}</h2>
<div class="lp-grid lp-grid-2">${card(c.compensation.paid)}${card(c.compensation.barter)}</div>
</section>
<section aria-labelledby="trust-title">
<h2 id="trust-title" class="lp-section-title">${e(c.trust.title)}</h2>
<div class="lp-grid lp-grid-3">${c.trust.items.map(card).join('')}</div>
</section>
<section class="lp-closing" aria-labelledby="closing-title">
<h2 id="closing-title">${e(c.closing.title)}</h2>
<p>${e(c.closing.text)}</p>
<p class="lp-actions">${button('/sign-up?role=business', c.business.cta)} ${button('/sign-up?role=influencer', c.influencer.cta, 'default')}</p>
</section>`;
  return `<div class="lp">
${header(locale)}
<main id="main" tabindex="-1" class="lp-main">
${main}
</main>
<footer class="lp-footer">${e(chrome.footer)}</footer>
</div>`;
}
