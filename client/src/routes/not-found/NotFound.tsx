import { Layout } from '../../components/Layout';
import { useI18n } from '../../i18n';
import { Link } from '../../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Layout title={t('notFoundTitle')}>
      <p class="links">
        <Link href="/">{t('backToTop')}</Link>
      </p>
    </Layout>
  );
}
