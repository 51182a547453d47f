import {
  type CampaignTeaser,
  campaignTeaserContent,
  type FaqResponse,
  faqPageContent,
  type InfluencerProfile,
  influencerPageContent,
  type LandingSide,
  type Locale,
  landingContent,
  type PublicStats,
  publicShellContent,
} from '@bextr/contracts';
import { type AskFormState, renderAskSection } from './faq-form.ts';
import { escapeHtml as e, localized, type PageHead } from './html.ts';

const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'sk' : 'en');

/** Header and main landmark around a page's content: plain links, so it works without scripts. */
function shell(locale: Locale, path: PageHead['path'], main: string): string {
  const s = publicShellContent[locale];
  const other = otherLocale(locale);
  const current = (p: string) => (p === path ? ' aria-current="page"' : '');
  return `<div class="ssr">
<header class="ssr-header">
<a class="ssr-brand" href="${localized('/', locale)}">Be<span>X</span>tr</a>
<nav aria-label="${e(s.navLabel)}">
<a href="${localized('/', locale)}"${current('/')}>${e(s.home)}</a>
<a href="${localized('/faq', locale)}"${current('/faq')}>${e(s.faq)}</a>
<a href="${localized('/campaigns', locale)}"${current('/campaigns')}>${e(campaignTeaserContent[locale].campaigns)}</a>
<a href="/sign-in">${e(s.signIn)}</a>
<a href="/sign-up">${e(s.signUp)}</a>
<a href="${localized(path, other)}" lang="${other}" hreflang="${other}">${e(s.otherLanguage)}</a>
</nav>
</header>
<main id="main" class="ssr-main">
${main}
</main>
</div>`;
}

function side(s: LandingSide, role: 'business' | 'influencer'): string {
  return `<section class="ssr-card">
<h2>${e(s.title)}</h2>
<p>${e(s.lead)}</p>
<ol>${s.steps.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
<p><a href="/sign-up?role=${role}">${e(s.cta)}</a></p>
</section>`;
}

export function renderLandingBody(locale: Locale, stats: PublicStats): string {
  const c = landingContent[locale];
  const figure = (n: number | null) => (n === null ? e(c.stats.soon) : String(n));
  const main = `<h1>${e(c.hero.title)}</h1>
<p class="ssr-lead">${e(c.hero.lead)}</p>
<p><a href="${localized('/faq', locale)}">${e(c.hero.faqLink)}</a></p>
<section aria-label="${e(c.stats.title)}"><ul class="ssr-stats">
<li><strong>${figure(stats.publishedCampaigns)}</strong> ${e(c.stats.campaigns)}</li>
<li><strong>${figure(stats.influencers)}</strong> ${e(c.stats.influencers)}</li>
</ul></section>
${side(c.business, 'business')}
${side(c.influencer, 'influencer')}
<section><h2>${e(c.howItWorks.title)}</h2><ol>${c.howItWorks.steps
    .map((step) => `<li><strong>${e(step.title)}</strong> — ${e(step.text)}</li>`)
    .join('')}</ol></section>
<section><h2>${e(c.compensation.title)}</h2>
<h3>${e(c.compensation.paid.title)}</h3><p>${e(c.compensation.paid.text)}</p>
<h3>${e(c.compensation.barter.title)}</h3><p>${e(c.compensation.barter.text)}</p></section>
<section><h2>${e(c.trust.title)}</h2>${c.trust.items
    .map((item) => `<h3>${e(item.title)}</h3><p>${e(item.text)}</p>`)
    .join('')}</section>
<section><h2>${e(c.closing.title)}</h2><p>${e(c.closing.text)}</p></section>`;
  return shell(locale, '/', main);
}

export function renderFaqBody(locale: Locale, faq: FaqResponse, ask: AskFormState): string {
  const c = faqPageContent[locale];
  const groups = faq.groups.length
    ? faq.groups
        .map(
          (g) =>
            `<section><h2>${e(g.title)}</h2>${g.entries
              .map((entry) => `<h3>${e(entry.question)}</h3><p>${e(entry.answer)}</p>`)
              .join('')}</section>`,
        )
        .join('\n')
    : `<p>${e(c.empty)}</p>`;
  const main = `<h1>${e(c.title)}</h1>
<p class="ssr-lead">${e(c.lead)}</p>
${groups}
${renderAskSection(locale, c, ask)}`;
  return shell(locale, '/faq', main);
}

/** The words of one teaser in a language: what the list, the page and its meta description show. */
export function teaserWords(locale: Locale, t: CampaignTeaser) {
  const c = campaignTeaserContent[locale];
  return {
    category: c.categories[t.category],
    networks: t.networks.map((n) => c.networkLabels[n]).join(', '),
    tiers: t.tiers.map((x) => c.tierLabels[x]).join(', '),
    compensation: c.compensationLabels[t.compensationType],
    deadline: t.applicationDeadline ? c.formatDate(t.applicationDeadline) : '',
    business: t.business.name,
  };
}

export function campaignPageMeta(locale: Locale, t: CampaignTeaser) {
  const c = campaignTeaserContent[locale];
  return { title: c.pageTitle(t.name), description: c.pageDescription(teaserWords(locale, t)) };
}

const teaserPath = (t: CampaignTeaser) => `/campaigns/${encodeURIComponent(t.id)}`;

function teaserFacts(locale: Locale, t: CampaignTeaser): string {
  const c = campaignTeaserContent[locale];
  const w = teaserWords(locale, t);
  const row = (label: string, value: string) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`;
  return `<dl>${row(c.category, w.category)}${row(c.networks, w.networks)}${row(c.tiers, w.tiers)}${row(
    c.compensation,
    w.compensation,
  )}${row(c.deadline, w.deadline)}</dl>`;
}

/** `/campaigns`: the open campaigns' teasers, each linking to its page. */
export function renderCampaignListBody(locale: Locale, teasers: CampaignTeaser[]): string {
  const c = campaignTeaserContent[locale];
  const items = teasers.length
    ? `<ul class="ssr-list">${teasers
        .map(
          (t) => `<li><article class="ssr-card">
<h2><a href="${e(localized(teaserPath(t), locale))}">${e(t.name)}</a></h2>
<p>${e(c.by(t.business.name))}</p>
${teaserFacts(locale, t)}
</article></li>`,
        )
        .join('\n')}</ul>`
    : `<p>${e(c.empty)}</p>`;
  const main = `<h1>${e(c.listTitle)}</h1>
<p class="ssr-lead">${e(c.listLead)}</p>
<p><a href="/sign-up?role=influencer">${e(c.signUpCta)}</a></p>
${items}`;
  return shell(locale, '/campaigns', main);
}

/** `/campaigns/:id`: one published campaign's teaser and the call to sign up for the rest. */
export function renderCampaignBody(locale: Locale, t: CampaignTeaser): string {
  const c = campaignTeaserContent[locale];
  const next = new URLSearchParams({ next: teaserPath(t) }).toString();
  const main = `<p><a href="${localized('/campaigns', locale)}">← ${e(c.back)}</a></p>
<article>
<h1>${e(t.name)}</h1>
<p class="ssr-lead">${e(c.by(t.business.name))}</p>
${teaserFacts(locale, t)}
</article>
<section class="ssr-card">
<h2>${e(c.signUpCall)}</h2>
<p><a href="/sign-up?role=influencer">${e(c.signUpCta)}</a></p>
<p><a href="${e(`/sign-in?${next}`)}">${e(c.signInLink)}</a></p>
</section>`;
  return shell(locale, teaserPath(t) as PageHead['path'], main);
}

/** The path of a public influencer page. */
export const influencerPath = (handle: string) => `/i/${encodeURIComponent(handle)}` as const;

/** The first ~`max` characters of a text, cut at a word boundary. */
function excerpt(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The words of a public profile in a language: what its page and its meta description show. Only
 * fields of the anonymous `presentProfile` view are read. */
function influencerWords(locale: Locale, p: InfluencerProfile) {
  const c = influencerPageContent[locale];
  return {
    handle: p.handle ?? '',
    displayName: p.displayName || `@${p.handle ?? ''}`,
    tier: p.tier ? c.tierLabels[p.tier] : '',
    networks: p.networks.map((n) => c.networkLabels[n]).join(', '),
    categories: p.categories.map((x) => c.categoryLabels[x]).join(', '),
    followers: p.totalFollowers > 0 ? c.formatNumber(p.totalFollowers) : '',
    country: p.country ? c.countryName(p.country) : '',
    bio: p.bio ?? '',
  };
}

export function influencerPageMeta(locale: Locale, p: InfluencerProfile) {
  const c = influencerPageContent[locale];
  const w = influencerWords(locale, p);
  return {
    title: c.pageTitle(w.displayName, w.handle),
    description: c.pageDescription({ ...w, bio: excerpt(w.bio) }),
  };
}

/** `/i/:handle`: a public profile's public facts and the call for businesses to sign up. */
export function renderInfluencerBody(locale: Locale, p: InfluencerProfile): string {
  const c = influencerPageContent[locale];
  const w = influencerWords(locale, p);
  const path = influencerPath(w.handle);
  const next = new URLSearchParams({ next: path }).toString();
  const row = (label: string, value: string) => (value ? `<dt>${e(label)}</dt><dd>${e(value)}</dd>` : '');
  const accounts = p.socialAccounts.length
    ? `<dt>${e(c.networks)}</dt><dd><ul>${p.socialAccounts
        .map(
          (a) =>
            `<li>${e(c.networkLabels[a.network])}: ${e(c.followersOn(c.formatNumber(a.followers)))}</li>`,
        )
        .join('')}</ul></dd>`
    : row(c.networks, w.networks);
  const main = `<article>
<h1>${e(w.displayName)}</h1>
<p class="ssr-lead">@${e(w.handle)}</p>
<dl>${row(c.tier, w.tier)}${accounts}${row(c.totalFollowers, w.followers)}${row(
    c.categories,
    w.categories,
  )}${row(c.country, w.country)}</dl>
${w.bio ? `<section><h2>${e(c.about)}</h2><p>${e(w.bio)}</p></section>` : ''}
</article>
<section class="ssr-card">
<h2>${e(c.signUpCall)}</h2>
<p>${e(c.signUpLead)}</p>
<p><a href="/sign-up?role=business">${e(c.signUpCta)}</a></p>
<p><a href="${e(`/sign-in?${next}`)}">${e(c.signInLink)}</a></p>
</section>`;
  return shell(locale, path, main);
}
