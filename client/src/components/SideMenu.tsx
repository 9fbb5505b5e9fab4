import { useLogout } from '../data/useLogout';
import { useI18n } from '../i18n';
import { Link, usePath } from '../router';

/** The signed-in menu beside the page in the PC layout (hidden by CSS in the phone layout). */
export function SideMenu() {
  const { t } = useI18n();
  const path = usePath();
  const { logout, busy } = useLogout();
  const items: [string, string][] = [
    ['/top', t('menuTop')],
    ['/bills', t('menuBills')],
    ['/bills/history', t('historyTitle')],
    ['/bills/notification', t('notificationLink')],
    ['/membership', t('menuMembership')],
    ['/password', t('menuChangePassword')],
    ['/reissue-email', t('menuReissueEmail')],
  ];
  return (
    <nav class="side-menu" aria-label={t('menuTitle')}>
      <ul>
        {items.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
        <li>
          {/* A shared PC must be able to sign out from every page of the PC layout. */}
          <button
            type="button"
            class="side-menu__logout"
            onClick={busy ? undefined : logout}
            aria-disabled={busy}
            data-testid="side-logout"
          >
            {t('logout')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
