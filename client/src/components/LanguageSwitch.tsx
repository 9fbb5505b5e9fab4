import { LANGS, type Lang, useI18n } from '../i18n';

const NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
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
          onClick={() => setLang(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}
