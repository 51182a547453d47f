import type { z } from 'zod';
import type { Locale } from './common.ts';
import type { ErrorCode } from './errors.ts';

/** Human text for every error code, in both languages. Used by the API and the web client. */
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  en: {
    VALIDATION_FAILED: 'Some fields need your attention.',
    UNAUTHENTICATED: 'Please sign in to continue.',
    FORBIDDEN: 'You are not allowed to do this.',
    CROSS_SITE_REQUEST: 'This request did not come from BeXtr and was refused.',
    NOT_FOUND: 'We could not find what you were looking for.',
    CONFLICT: 'This cannot be done in the current state.',
    EMAIL_TAKEN: 'An account with this e-mail already exists.',
    INVALID_CREDENTIALS: 'The e-mail or password is not correct.',
    ACCOUNT_SUSPENDED:
      'This account is suspended, so it cannot sign in. The e-mail we sent you gives the reason; reply to it if you think this is a mistake.',
    INVALID_TOKEN: 'This link is invalid or has expired.',
    WRONG_PASSWORD: 'The current password is not correct.',
    EMAIL_ALREADY_VERIFIED: 'Your e-mail is already verified.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'Send the request as JSON.',
    UNSUPPORTED_IMAGE: 'Upload a JPEG, PNG or WebP image.',
    FILE_TOO_LARGE: 'The image is larger than 10 MB.',
    INVALID_IMAGE: 'This image cannot be read, or it has too many pixels.',
    HANDLE_TAKEN: 'This handle is already taken.',
    MALFORMED_JSON: 'The request body is not valid JSON.',
    RULE_VIOLATION: 'This is not allowed by the rules.',
    ALREADY_OFFERED: 'You already have an offer on this campaign.',
    CAMPAIGN_NOT_OPEN: 'This campaign is not taking offers now.',
    CAMPAIGN_FULL: 'Every slot of this campaign is already taken.',
    ALREADY_INVITED: 'This influencer is already invited to this campaign.',
    INFLUENCER_ALREADY_OFFERED: 'This influencer already has an offer on this campaign.',
    AMENDMENT_PENDING: 'A proposed change is already waiting for an answer.',
    APPROVED_DELIVERABLE: 'An approved deliverable cannot be dropped or changed.',
    ALREADY_REVIEWED: 'You have already reviewed this collaboration. A review cannot be written twice.',
    NOT_COMPLETED: 'Reviews can be written once the collaboration is completed.',
    REPORT_ALREADY_OPEN: 'You already have an open report about this. Add to it instead.',
    SECOND_FACTOR_REQUIRED: 'Enter the code from your authenticator app to finish signing in.',
    SECOND_FACTOR_SETUP_REQUIRED: 'Set up two-step sign-in before you use the admin console.',
    SECOND_FACTOR_ALREADY_ENABLED: 'Two-step sign-in is already on for this account.',
    INVALID_SECOND_FACTOR_CODE:
      'This code is not correct or has already been used. Wait for the next code in your app and try again.',
    INVALID_RECOVERY_CODE: 'This recovery code is not correct or has already been used.',
    RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
    STORAGE_FULL: 'We cannot store files right now. Please try again later.',
    SERVICE_UNAVAILABLE: 'BeXtr is briefly unavailable. Please try again in a few seconds.',
    INTERNAL: 'Something went wrong on our side. Please try again.',
  },
  sk: {
    VALIDATION_FAILED: 'Niektoré polia treba opraviť.',
    UNAUTHENTICATED: 'Pre pokračovanie sa prihláste.',
    FORBIDDEN: 'Na túto akciu nemáte oprávnenie.',
    CROSS_SITE_REQUEST: 'Táto požiadavka neprišla z BeXtr a bola odmietnutá.',
    NOT_FOUND: 'To, čo hľadáte, sme nenašli.',
    CONFLICT: 'V tomto stave sa to nedá urobiť.',
    EMAIL_TAKEN: 'Účet s týmto e-mailom už existuje.',
    INVALID_CREDENTIALS: 'E-mail alebo heslo nie je správne.',
    ACCOUNT_SUSPENDED:
      'Tento účet je pozastavený, preto sa doň nedá prihlásiť. Dôvod nájdete v e-maile, ktorý sme vám poslali; ak je to podľa vás omyl, odpovedzte naň.',
    INVALID_TOKEN: 'Tento odkaz je neplatný alebo mu vypršala platnosť.',
    WRONG_PASSWORD: 'Súčasné heslo nie je správne.',
    EMAIL_ALREADY_VERIFIED: 'Váš e-mail je už overený.',
    PAYLOAD_TOO_LARGE: 'Požiadavka je príliš veľká.',
    UNSUPPORTED_MEDIA_TYPE: 'Požiadavku pošlite ako JSON.',
    UNSUPPORTED_IMAGE: 'Nahrajte obrázok vo formáte JPEG, PNG alebo WebP.',
    FILE_TOO_LARGE: 'Obrázok je väčší ako 10 MB.',
    INVALID_IMAGE: 'Tento obrázok sa nedá prečítať alebo má príliš veľa pixelov.',
    HANDLE_TAKEN: 'Táto prezývka je už obsadená.',
    MALFORMED_JSON: 'Telo požiadavky nie je platný JSON.',
    RULE_VIOLATION: 'Pravidlá to nedovoľujú.',
    ALREADY_OFFERED: 'Na túto kampaň už máte ponuku.',
    CAMPAIGN_NOT_OPEN: 'Táto kampaň teraz neprijíma ponuky.',
    CAMPAIGN_FULL: 'Všetky miesta v tejto kampani sú už obsadené.',
    ALREADY_INVITED: 'Tento influencer je na túto kampaň už pozvaný.',
    INFLUENCER_ALREADY_OFFERED: 'Tento influencer už má na túto kampaň ponuku.',
    AMENDMENT_PENDING: 'Na odpoveď už čaká iný návrh zmeny.',
    APPROVED_DELIVERABLE: 'Schválený výstup nemožno vypustiť ani zmeniť.',
    ALREADY_REVIEWED: 'Túto spoluprácu ste už ohodnotili. Recenziu nemožno napísať dvakrát.',
    NOT_COMPLETED: 'Recenziu možno napísať až po dokončení spolupráce.',
    REPORT_ALREADY_OPEN: 'O tomto už máte otvorené nahlásenie. Doplňte radšej to.',
    SECOND_FACTOR_REQUIRED: 'Prihlásenie dokončite kódom z overovacej aplikácie.',
    SECOND_FACTOR_SETUP_REQUIRED:
      'Skôr než začnete používať administráciu, nastavte si dvojstupňové prihlásenie.',
    SECOND_FACTOR_ALREADY_ENABLED: 'Dvojstupňové prihlásenie je pre tento účet už zapnuté.',
    INVALID_SECOND_FACTOR_CODE:
      'Tento kód nie je správny alebo už bol použitý. Počkajte na ďalší kód v aplikácii a skúste to znova.',
    INVALID_RECOVERY_CODE: 'Tento záložný kód nie je správny alebo už bol použitý.',
    RATE_LIMITED: 'Príliš veľa pokusov. Chvíľu počkajte a skúste to znova.',
    STORAGE_FULL: 'Súbory teraz nevieme uložiť. Skúste to neskôr.',
    SERVICE_UNAVAILABLE: 'BeXtr je na chvíľu nedostupný. Skúste to znova o pár sekúnd.',
    INTERNAL: 'Na našej strane sa niečo pokazilo. Skúste to znova.',
  },
};

/** Messages for business-rule reasons (422 details, form-level notes). */
export const ruleMessages: Record<Locale, Record<string, string>> = {
  en: {
    password_common: 'This password is too common. Choose one that is harder to guess.',
    password_contains_email: 'The password must not contain your e-mail address.',
    wrong_password: 'The current password is not correct.',
    nul_character: 'The text contains a NUL character, which is not allowed.',
    lone_surrogate: 'The text contains a broken character (half of an emoji or symbol).',
    unknown_country: 'This is not a country code we know (ISO 3166-1, e.g. SK).',
    unknown_language: 'This is not a language code we know (ISO 639-1, e.g. sk).',
    too_deep: 'The request is nested too deeply.',
    // second factor
    totp_code_format: 'Enter the 6 digits from your authenticator app.',
    recovery_code_format: 'Enter a recovery code as it was shown, e.g. abcde-fghij.',
    // campaigns and business profiles
    end_before_start: 'The end date must not be before the start date.',
    deadline_after_end: 'The application deadline must not be after the end date.',
    deadline_past: 'The application deadline must not be in the past.',
    amount_positive: 'Enter an amount greater than zero.',
    countries_or_remote: 'Choose at least one country, or mark the campaign as remote.',
    deliverable_network: 'Choose a network that the campaign lists under social networks.',
    duplicate_choice: 'Each option can be chosen only once.',
    invalid_cursor: 'This page link is no longer valid. Start from the first page.',
    idempotency_key_invalid: 'The Idempotency-Key header must be 8–100 letters, digits, - or _.',
    email_unverified: 'Verify your e-mail address first.',
    business_profile_incomplete:
      'Complete your business profile first (company name, industry, description, country).',
    campaign_incomplete: 'Some campaign fields are missing or not valid.',
    locked_while_offers: 'Compensation, tiers and networks cannot change while offers are pending.',
    slots_below_filled: 'The campaign cannot have fewer slots than the offers already accepted.',
    // influencer profiles and uploads
    handle_format:
      'Use 3–30 lowercase letters, digits, dots or underscores, starting and ending with a letter or digit.',
    handle_taken: 'This handle is already taken.',
    shares_total: 'The shares must add up to 100 % (±1).',
    shares_over: 'The shares must not add up to more than 100 %.',
    upload_unknown: 'This image was not found among your uploads.',
    upload_not_yours: 'Choose one of your own uploaded images.',
    social_account_unknown: 'Choose one of your social accounts.',
    // offers and invitations
    profile_not_ready: 'Finish your influencer profile before you send offers.',
    price_required: 'Propose a price for this paid campaign.',
    price_not_for_barter: 'This is a barter campaign: leave the price out.',
    barter_not_accepted: 'Accept the barter terms to send an offer to this campaign.',
    publish_date_outside: 'Choose a publish date inside the campaign window.',
    publish_date_past: 'The publish date must not be in the past.',
    invitation_unknown: 'This invitation was not found.',
    influencer_not_ready: 'This influencer cannot receive invitations yet.',
    // threads
    message_empty: 'Write a message or attach an image.',
    // admin console
    unpublished_edit_first:
      'The BeXtr team unpublished this campaign. Edit it to fix what they pointed out and save it, then resume it.',
    // reports
    report_self: 'You cannot report yourself.',
    report_audience_admins_only: 'Only the BeXtr team chooses who sees a message on a report.',
    // collaborations
    proof_empty: 'Add a link to the post or at least one screenshot.',
    amendment_empty: 'Change at least one term.',
    price_amendment_barter: 'This is a barter collaboration: it has no price to change.',
    deliverable_unknown: 'This deliverable is not part of the agreement.',
    deliverable_duplicate: 'Each deliverable can appear only once.',
    approved_deliverable_kept: 'An approved deliverable must stay in the list unchanged.',
  },
  sk: {
    password_common: 'Toto heslo je príliš bežné. Zvoľte ťažšie uhádnuteľné.',
    password_contains_email: 'Heslo nesmie obsahovať vašu e-mailovú adresu.',
    wrong_password: 'Súčasné heslo nie je správne.',
    nul_character: 'Text obsahuje znak NUL, ktorý nie je povolený.',
    lone_surrogate: 'Text obsahuje poškodený znak (polovicu emoji alebo symbolu).',
    unknown_country: 'Tento kód krajiny nepoznáme (ISO 3166-1, napr. SK).',
    unknown_language: 'Tento kód jazyka nepoznáme (ISO 639-1, napr. sk).',
    too_deep: 'Požiadavka je príliš hlboko vnorená.',
    // druhý krok prihlásenia
    totp_code_format: 'Zadajte 6 číslic z overovacej aplikácie.',
    recovery_code_format: 'Zadajte záložný kód tak, ako bol zobrazený, napr. abcde-fghij.',
    // kampane a firemné profily
    end_before_start: 'Dátum konca nesmie byť pred dátumom začiatku.',
    deadline_after_end: 'Termín na prihlásenie nesmie byť po dátume konca.',
    deadline_past: 'Termín na prihlásenie nesmie byť v minulosti.',
    amount_positive: 'Zadajte sumu väčšiu ako nula.',
    countries_or_remote: 'Vyberte aspoň jednu krajinu alebo označte kampaň ako na diaľku.',
    deliverable_network: 'Vyberte sieť, ktorú kampaň uvádza medzi sociálnymi sieťami.',
    duplicate_choice: 'Každú možnosť možno vybrať len raz.',
    invalid_cursor: 'Tento odkaz na stránku už neplatí. Začnite od prvej stránky.',
    idempotency_key_invalid: 'Hlavička Idempotency-Key musí mať 8–100 písmen, číslic, - alebo _.',
    email_unverified: 'Najprv overte svoju e-mailovú adresu.',
    business_profile_incomplete: 'Najprv doplňte firemný profil (názov firmy, odvetvie, popis, krajina).',
    campaign_incomplete: 'Niektoré polia kampane chýbajú alebo nie sú platné.',
    locked_while_offers: 'Odmenu, úrovne a siete nemožno meniť, kým čakajú ponuky.',
    slots_below_filled: 'Kampaň nemôže mať menej miest, ako je už prijatých ponúk.',
    // profily influencerov a nahrávanie
    handle_format:
      'Použite 3 – 30 malých písmen, číslic, bodiek alebo podčiarkovníkov; na začiatku a na konci písmeno alebo číslicu.',
    handle_taken: 'Táto prezývka je už obsadená.',
    shares_total: 'Podiely musia dať spolu 100 % (±1).',
    shares_over: 'Podiely nesmú dať spolu viac ako 100 %.',
    upload_unknown: 'Tento obrázok medzi vašimi nahranými sme nenašli.',
    upload_not_yours: 'Vyberte jeden zo svojich nahraných obrázkov.',
    social_account_unknown: 'Vyberte jeden zo svojich účtov na sociálnych sieťach.',
    // ponuky a pozvánky
    profile_not_ready: 'Pred posielaním ponúk dokončite svoj profil influencera.',
    price_required: 'Navrhnite cenu pre túto platenú kampaň.',
    price_not_for_barter: 'Toto je barterová kampaň: cenu nezadávajte.',
    barter_not_accepted: 'Ak chcete poslať ponuku na túto kampaň, prijmite podmienky barteru.',
    publish_date_outside: 'Vyberte dátum zverejnenia v rámci trvania kampane.',
    publish_date_past: 'Dátum zverejnenia nesmie byť v minulosti.',
    invitation_unknown: 'Túto pozvánku sme nenašli.',
    influencer_not_ready: 'Tento influencer zatiaľ nemôže dostávať pozvánky.',
    // konverzácie
    message_empty: 'Napíšte správu alebo priložte obrázok.',
    // administrácia
    unpublished_edit_first:
      'Tím BeXtr túto kampaň stiahol. Upravte ju podľa jeho pripomienok, uložte ju a potom ju znova spustite.',
    // nahlásenia
    report_self: 'Nemôžete nahlásiť sami seba.',
    report_audience_admins_only: 'Kto uvidí správu k nahláseniu, určuje len tím BeXtr.',
    // spolupráce
    proof_empty: 'Pridajte odkaz na príspevok alebo aspoň jednu snímku obrazovky.',
    amendment_empty: 'Zmeňte aspoň jednu podmienku.',
    price_amendment_barter: 'Toto je barterová spolupráca: nemá cenu, ktorú by bolo možné zmeniť.',
    deliverable_unknown: 'Tento výstup nie je súčasťou dohody.',
    deliverable_duplicate: 'Každý výstup môže byť v zozname len raz.',
    approved_deliverable_kept: 'Schválený výstup musí v zozname zostať nezmenený.',
  },
};

type Issue = z.core.$ZodIssue;

function plural(locale: Locale, n: number, one: string, few: string, many: string): string {
  if (locale === 'en') return n === 1 ? one : many;
  if (n === 1) return one;
  if (n >= 2 && n <= 4) return few;
  return many;
}

/** Turns one zod issue into a sentence in the user's language. */
export function validationMessage(issue: Issue, locale: Locale): string {
  const sk = locale === 'sk';
  if (issue.code === 'custom' && typeof issue.message === 'string' && ruleMessages[locale][issue.message]) {
    return ruleMessages[locale][issue.message] as string;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return sk ? 'Toto pole je povinné.' : 'This field is required.';
      return sk ? 'Hodnota má nesprávny typ.' : 'This value has the wrong type.';
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (n <= 1) return sk ? 'Toto pole je povinné.' : 'This field is required.';
        return sk
          ? `Zadajte aspoň ${n} ${plural(locale, n, 'znak', 'znaky', 'znakov')}.`
          : `Use at least ${n} ${plural(locale, n, 'character', 'characters', 'characters')}.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return sk ? `Vyberte aspoň ${n}.` : `Choose at least ${n}.`;
      }
      return sk ? `Najmenšia povolená hodnota je ${n}.` : `The smallest allowed value is ${n}.`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') {
        return sk
          ? `Zadajte najviac ${n} ${plural(locale, n, 'znak', 'znaky', 'znakov')}.`
          : `Use at most ${n} ${plural(locale, n, 'character', 'characters', 'characters')}.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return sk ? `Vyberte najviac ${n}.` : `Choose at most ${n}.`;
      }
      return sk ? `Najväčšia povolená hodnota je ${n}.` : `The largest allowed value is ${n}.`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return sk ? 'Zadajte platný e-mail.' : 'Enter a valid e-mail address.';
      if (issue.format === 'url') return sk ? 'Zadajte platnú adresu URL.' : 'Enter a valid URL.';
      if (issue.format === 'date')
        return sk ? 'Zadajte dátum v tvare RRRR-MM-DD.' : 'Enter a date as YYYY-MM-DD.';
      return sk ? 'Hodnota nemá správny formát.' : 'This value is not in the right format.';
    case 'invalid_value':
      return sk ? 'Vyberte jednu z ponúkaných možností.' : 'Choose one of the offered options.';
    case 'unrecognized_keys':
      return sk ? `Neznáme polia: ${issue.keys.join(', ')}.` : `Unknown fields: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return sk ? 'Hodnota nie je povolená.' : 'This value is not allowed.';
    default:
      return sk ? 'Hodnota nie je platná.' : 'This value is not valid.';
  }
}

/** Field errors keyed by dotted path, as forms show them next to the field. */
export function issuesToFieldErrors(issues: readonly Issue[], locale: Locale) {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code === 'custom' ? String(issue.message) : issue.code,
    message: validationMessage(issue, locale),
  }));
}
