import { Layout } from '../../components/Layout';
import { useI18n } from '../../i18n';
import { Link } from '../../router';

/** Japanese guide 9-1. Self-service reissue by email lands later; for now the call-centre route. */
export function ForgotPage() {
  const { t } = useI18n();
  return (
    <Layout title={t('forgotTitle')}>
      <div data-testid="forgot-page">
        <p class="alert alert--info">{t('forgotSelfService')}</p>
        <p>{t('forgotCallCentre')}</p>
        <section class="note" aria-labelledby="contact-title">
          <h2 id="contact-title" class="note__title">
            {t('contactTitle')}
          </h2>
          <p>{t('contactDesk')}</p>
          <p class="phone">
            <a href="tel:0800-333-0030" data-testid="call-centre-phone">
              {t('contactPhone')}
            </a>
          </p>
          <p>{t('contactHours')}</p>
          <p>{t('contactNote')}</p>
        </section>
        <p class="links">
          <Link href="/login">{t('backToLogin')}</Link>
        </p>
      </div>
    </Layout>
  );
}
