import { useApolloClient } from '@apollo/client/react';
import { refetchInLanguage } from '../apollo/client';
import { LANGS, type Lang, useI18n } from '../i18n';

const NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const client = useApolloClient();
  const choose = (next: Lang) =>
    setLang(next).then(
      (changed) => {
        if (changed) void refetchInLanguage(client).catch(() => {}); // offline: the old names stay
      },
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
