import './landing.css';

/* The landing page's own script (decision 020). The server renders the whole page for visitors;
   this makes its header do what the app's header does — language, phone menu, color scheme — in a
   few KB instead of the React app. It shares the app's localStorage keys, so a choice made here
   holds in the app and the other way round. No imports: nothing from the app's bundle is loaded. */

const LOCALE_KEY = 'bextr.locale'; // i18n/locale-store.ts
const SCHEME_KEY = 'bextr.color-scheme'; // app/theme.ts (Mantine's localStorage manager)
type Locale = 'en' | 'sk';
type Scheme = 'light' | 'dark' | 'auto';

const html = document.documentElement;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full storage: the choice lasts for this page only.
  }
}

const isLocale = (v: unknown): v is Locale => v === 'en' || v === 'sk';
const pageLocale: Locale = html.lang === 'sk' ? 'sk' : 'en';
const addressed = new URLSearchParams(window.location.search).get('lang');

/** The address of this page in a language, always with an explicit `?lang=` (the canonical of
 * `?lang=en` is still the plain path): an address without one may be redirected by the browser's
 * language, so a choice must never lead to it — with storage blocked, nothing else remembers it. */
function addressIn(locale: Locale): string {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}${url.hash}`;
}

function browserLocale(): Locale {
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sk' || base === 'cs') return 'sk';
    if (base === 'en') return 'en';
  }
  return 'en';
}

// Language, as the app decides it: an address with ?lang= is the visitor's choice and is never
// redirected; without it the saved choice or the browser's language wins, so a Slovak visitor
// opening `/` gets Slovak. The redirect goes to an address with ?lang=, so it happens at most once.
if (isLocale(addressed)) write(LOCALE_KEY, addressed);
else {
  const stored = read(LOCALE_KEY);
  const wanted = isLocale(stored) ? stored : browserLocale();
  if (wanted !== pageLocale) window.location.replace(addressIn(wanted));
}

const select = document.querySelector<HTMLSelectElement>('.lp-lang select');
select?.addEventListener('change', () => {
  const next = select.value;
  if (!isLocale(next)) return;
  write(LOCALE_KEY, next);
  window.location.assign(addressIn(next));
});

// The phone menu: below 75em the links sit behind a burger, as in the app.
const burger = document.querySelector<HTMLButtonElement>('.lp-burger');
const header = document.querySelector<HTMLElement>('.lp-header');
const desktop = window.matchMedia('(min-width: 75em)');
function setMenu(open: boolean) {
  if (!burger || !header) return;
  header.classList.toggle('lp-open', open);
  burger.setAttribute('aria-expanded', String(open));
  burger.setAttribute('aria-label', (open ? burger.dataset.closeLabel : burger.dataset.openLabel) ?? '');
}
if (burger) {
  burger.addEventListener('click', () => setMenu(!header?.classList.contains('lp-open')));
  desktop.addEventListener('change', () => {
    if (desktop.matches) setMenu(false);
  });
}

// Color scheme: light, dark or the system's, kept where the app keeps it.
const schemeBox = document.querySelector<HTMLElement>('.lp-scheme');
const schemeButton = document.querySelector<HTMLButtonElement>('.lp-scheme-button');
const schemeMenu = document.querySelector<HTMLElement>('.lp-scheme-menu');
const schemeItems = [...document.querySelectorAll<HTMLButtonElement>('.lp-scheme-item')];
const isScheme = (v: unknown): v is Scheme => v === 'light' || v === 'dark' || v === 'auto';

function applyScheme(scheme: Scheme) {
  if (scheme === 'auto') delete html.dataset.scheme;
  else html.dataset.scheme = scheme;
  for (const item of schemeItems) {
    const current = item.dataset.scheme === scheme;
    if (current) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
    if (current && schemeButton) {
      const icon = item.querySelector('svg');
      if (icon) schemeButton.replaceChildren(icon.cloneNode(true));
      schemeButton.setAttribute('aria-label', `${schemeButton.dataset.label}: ${item.textContent ?? ''}`);
    }
  }
}
function setSchemeMenu(open: boolean, focus = false) {
  if (!schemeMenu || !schemeButton) return;
  schemeMenu.hidden = !open;
  schemeButton.setAttribute('aria-expanded', String(open));
  if (open && focus) (schemeItems.find((i) => i.hasAttribute('aria-current')) ?? schemeItems[0])?.focus();
}

const storedScheme = read(SCHEME_KEY);
applyScheme(isScheme(storedScheme) ? storedScheme : 'auto');
if (schemeBox && schemeButton && schemeMenu) {
  schemeButton.addEventListener('click', () => setSchemeMenu(schemeMenu.hasAttribute('hidden'), true));
  for (const item of schemeItems) {
    item.addEventListener('click', () => {
      const scheme = item.dataset.scheme;
      if (!isScheme(scheme)) return;
      write(SCHEME_KEY, scheme);
      applyScheme(scheme);
      setSchemeMenu(false);
      schemeButton.focus();
    });
  }
  schemeMenu.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = schemeItems.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    schemeItems[(at + step + schemeItems.length) % schemeItems.length]?.focus();
  });
  document.addEventListener('click', (event) => {
    if (!schemeBox.contains(event.target as Node)) setSchemeMenu(false);
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (schemeMenu && !schemeMenu.hasAttribute('hidden')) {
    setSchemeMenu(false);
    schemeButton?.focus();
  } else if (header?.classList.contains('lp-open')) {
    setMenu(false);
    burger?.focus();
  }
});
