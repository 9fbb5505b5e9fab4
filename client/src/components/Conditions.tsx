import { useI18n } from '../i18n';

/** The 20 symbols allowed in login IDs and passwords (SPEC 2.1). */
export const SYMBOLS = [
  '#',
  '$',
  '%',
  '(',
  ')',
  '*',
  '+',
  '-',
  '.',
  '/',
  ':',
  ';',
  '?',
  '@',
  '[',
  ']',
  '_',
  '{',
  '}',
  '~',
];

function Symbols() {
  const { t } = useI18n();
  return (
    <ul class="symbols" aria-label={t('symbolsLabel')}>
      {SYMBOLS.map((s) => (
        <li key={s}>
          <code>{s}</code>
        </li>
      ))}
    </ul>
  );
}

export function IdConditions({ id }: { id: string }) {
  const { t, list } = useI18n();
  return (
    <section class="conditions" id={id} aria-label={t('idConditionsTitle')}>
      <h2 class="conditions__title">◆{t('idConditionsTitle')}</h2>
      <ul>
        {list('idConditions').map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Symbols />
    </section>
  );
}

export function PasswordConditions({ id }: { id: string }) {
  const { t, list } = useI18n();
  return (
    <section class="conditions" id={id} aria-label={t('passwordConditionsTitle')}>
      <h2 class="conditions__title">◆{t('passwordConditionsTitle')}</h2>
      <ul>
        {list('passwordConditions').map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Symbols />
    </section>
  );
}
