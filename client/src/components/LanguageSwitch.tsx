import { LANGS, type Lang, useI18n } from '../i18n';

const NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const choose = (next: Lang) =>
    // A new language starts a new GraphQL client (data/client.ts): the screens ask again and keep
    // what they show until the answer is here (offline, the old names stay).
    setLang(next).then(
      () => {},
      () => {
        /* the dictionary could not be fetched (offline): stay in the current language */
      },
    );
  return (
    <fieldset class="lang-switch">
      <legend class="visually-hidden">{t('languageLabel')}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          class="lang-switch__button"
          aria-pressed={lang === l}
          data-testid={`lang-${l}`}
          onClick={() => void choose(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}
