import { Layout } from '../../components/Layout';
import { useI18n } from '../../i18n';

/** Guide 1-3: initial login completed; the postcard credentials are for the initial login only. */
export function InitialLoginNotice({ onOk }: { onOk: () => void }) {
  const { t } = useI18n();
  return (
    <Layout title={t('initialNoticeTitle')}>
      <div data-testid="initial-login-notice">
        <p>{t('initialNoticeNext')}</p>
        <section class="note" aria-labelledby="initial-note-title">
          <h2 id="initial-note-title" class="note__title">
            {t('initialNoticeAttention')}
          </h2>
          <p>{t('initialNoticeBody')}</p>
          <p>{t('initialNoticePostcard')}</p>
        </section>
        <button type="button" class="button button--primary" onClick={onOk} data-testid="initial-notice-ok">
          {t('ok')}
        </button>
      </div>
    </Layout>
  );
}

/** Guide 6 (12): logged in with a reissued (mailed) password; OK leads to the change screen. */
export function ReissuedLoginNotice({ onOk }: { onOk: () => void }) {
  const { t } = useI18n();
  return (
    <Layout title={t('reissuedNoticeTitle')}>
      <div data-testid="reissued-login-notice">
        <p>{t('reissuedNoticeBody')}</p>
        <p class="note">{t('reissuedNoticeHint')}</p>
        <button type="button" class="button button--primary" onClick={onOk} data-testid="reissued-notice-ok">
          {t('ok')}
        </button>
      </div>
    </Layout>
  );
}
