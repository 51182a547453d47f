import type { secondFactorEn } from './second-factor.en.ts';

/** Slovenské texty dvojstupňového prihlásenia administrátorov: krok s kódom pri prihlásení,
 * stránka nastavenia a časť Zabezpečenie v nastaveniach. */
export const secondFactorSk: typeof secondFactorEn = {
  signIn: {
    title: 'Dvojstupňové prihlásenie',
    lead: 'Zadajte 6-miestny kód z overovacej aplikácie.',
    code: 'Overovací kód',
    codeHint: 'Aplikácia ukazuje nový kód každých 30 sekúnd.',
    recoveryLead:
      'Zadajte jeden zo záložných kódov, ktoré ste si uložili pri nastavení dvojstupňového prihlásenia. Každý kód platí raz.',
    recoveryCode: 'Záložný kód',
    recoveryHint: 'Napríklad abcde-fghij.',
    submit: 'Overiť',
    useRecovery: 'Použiť záložný kód',
    useCode: 'Použiť kód z aplikácie',
    startOver: 'Prihlásiť sa iným účtom',
  },
  setup: {
    title: 'Nastavenie dvojstupňového prihlásenia',
    lead: 'Administrácia vyžaduje pri každom prihlásení druhý krok: kód z overovacej aplikácie v telefóne (napríklad Google Authenticator, Microsoft Authenticator, 1Password alebo Aegis).',
    scanTitle: '1. Pridajte BeXtr do overovacej aplikácie',
    scanText: 'Naskenujte tento QR kód aplikáciou.',
    qrAlt: 'QR kód na pridanie BeXtr do overovacej aplikácie',
    manualText: 'Nedá sa naskenovať? Zadajte do aplikácie tento kľúč (časový typ):',
    secretLabel: 'Kľúč na nastavenie',
    copy: 'Kopírovať',
    copied: 'Skopírované',
    confirmTitle: '2. Potvrďte kódom',
    confirmText: 'Zadajte 6-miestny kód, ktorý aplikácia teraz ukazuje pre BeXtr.',
    submit: 'Zapnúť dvojstupňové prihlásenie',
    doneTitle: 'Dvojstupňové prihlásenie je zapnuté',
  },
  recovery: {
    title: 'Vaše záložné kódy',
    lead: 'Ak stratíte telefón, každým z týchto kódov sa namiesto kódu z aplikácie raz prihlásite. Zobrazujú sa iba teraz: uložte si ich na bezpečné miesto, napríklad do správcu hesiel.',
    listLabel: 'Záložné kódy',
    copyAll: 'Kopírovať kódy',
    download: 'Stiahnuť ako textový súbor',
    fileHeading: 'Záložné kódy BeXtr',
    fileNote: 'Každý kód platí raz, namiesto kódu z overovacej aplikácie.',
    saved: 'Záložné kódy som si uložil(a)',
    continue: 'Pokračovať',
  },
  settings: {
    title: 'Dvojstupňové prihlásenie',
    lead: 'Každé prihlásenie do vášho administrátorského účtu vyžaduje kód z overovacej aplikácie.',
    onSince: (date: string) => `Zapnuté od ${date}`,
    codesLeft: (n: number) =>
      n === 1
        ? 'Zostáva 1 záložný kód'
        : n >= 2 && n <= 4
          ? `Zostávajú ${n} záložné kódy`
          : `Zostáva ${n} záložných kódov`,
    fewLeft: 'Zostáva málo záložných kódov. Obnovte ich, aby ste nestratili prístup.',
    renewTitle: 'Obnoviť záložné kódy',
    renewText: 'Nové kódy nahradia všetky staré. Potvrďte to kódom z overovacej aplikácie.',
    renew: 'Obnoviť záložné kódy',
    renewed: 'Nové záložné kódy sú pripravené; staré už neplatia.',
    done: 'Hotovo',
  },
};
