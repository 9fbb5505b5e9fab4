import { useState } from 'preact/hooks';
import type { Viewer } from '../../apollo/session';
import { useLogout } from '../../apollo/useLogout';
import { Layout } from '../../components/Layout';
import { useI18n } from '../../i18n';
import { Link } from '../../router';

/** Guide 2: registered phone/contract number, holder, and the menu. */
export function TopPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const { logout, busy } = useLogout();
  const [soon, setSoon] = useState(false);
  const comingSoon = () => setSoon(true);

  return (
    <Layout title={t('topTitle')}>
      <section class="card" aria-labelledby="viewer-title" data-testid="viewer">
        <h2 id="viewer-title" class="card__title">
          {t('registeredPhoneNumber')}
        </h2>
        <p class="card__big" data-testid="registered-phone-number">
          {viewer.registeredPhoneNumber}
        </p>
        <dl class="props">
          <div>
            <dt>{t('holderName')}</dt>
            <dd data-testid="holder-name">
              {viewer.holderName}
              {t('honorific') ? ` ${t('honorific')}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('customerNumber')}</dt>
            <dd data-testid="customer-number">{viewer.customerNumber}</dd>
          </div>
          <div>
            <dt>{t('loginId')}</dt>
            <dd data-testid="login-id">{viewer.loginId}</dd>
          </div>
        </dl>
      </section>
      <nav aria-labelledby="menu-title">
        <h2 id="menu-title" class="section-title">
          {t('menuTitle')}
        </h2>
        <ul class="menu">
          <li>
            <button type="button" class="menu__item" onClick={comingSoon} data-testid="menu-bills">
              {t('menuBills')}
            </button>
          </li>
          <li>
            <Link href="/password" class="menu__item" data-testid="menu-change-password">
              {t('menuChangePassword')}
            </Link>
          </li>
          <li>
            <Link href="/reissue-email" class="menu__item" data-testid="menu-reissue-email">
              {t('menuReissueEmail')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              class="menu__item menu__item--logout"
              onClick={logout}
              disabled={busy}
              data-testid="logout"
            >
              {t('logout')}
            </button>
          </li>
        </ul>
        <p role="status" class={soon ? 'alert alert--info' : 'alert-empty'} data-testid="coming-soon">
          {soon ? t('comingSoon') : ''}
        </p>
      </nav>
    </Layout>
  );
}
