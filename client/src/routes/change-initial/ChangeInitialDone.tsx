import { Layout } from '../../components/Layout';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

/** Guide 1-5 (completion) and 1-6 (register the reissue email address now or later). */
export function ChangeInitialDonePage() {
  const { t } = useI18n();
  return (
    <Layout title={t('changeInitialDoneTitle')}>
      <div data-testid="change-initial-done">
        <p class="alert alert--success">{t('changeInitialDoneBody')}</p>
        <section class="note" aria-labelledby="reissue-email-title">
          <h2 id="reissue-email-title" class="note__title">
            {t('reissueEmailPromptTitle')}
          </h2>
          <p>{t('reissueEmailPromptBody')}</p>
          <p>
            <strong>{t('reissueEmailPromptQuestion')}</strong>
          </p>
        </section>
        <div class="actions">
          <button
            type="button"
            class="button button--primary"
            onClick={() => navigate('/reissue-email/register')}
            data-testid="register-now"
          >
            {t('registerNow')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => navigate('/top', { replace: true })}
            data-testid="register-later"
          >
            {t('registerLater')}
          </button>
        </div>
      </div>
    </Layout>
  );
}
