import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { type FragmentType, getFragmentData } from '../../gql/fragment-masking';
import { OperatorFieldsFragmentDoc } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, usePath } from '../../router';
import { named, opsText } from './strings';

/** The signed-in operator as the console's documents answer it (masked: OpsLayout reads OperatorFields). */
export type OperatorRef = FragmentType<typeof OperatorFieldsFragmentDoc>;

interface OpsLayoutProps {
  title: string;
  operator?: OperatorRef | null;
  onSignOut?: () => void;
  children: ComponentChildren;
}

type NavKey = 'navSearch' | 'navProvision' | 'navPostcards' | 'navMail' | 'navAudit' | 'navAdmin';

const NAV: [string, NavKey][] = [
  ['/ops/search', 'navSearch'],
  ['/ops/provision', 'navProvision'],
  ['/ops/postcards', 'navPostcards'],
  ['/ops/mail', 'navMail'],
  ['/ops/audit', 'navAudit'],
];

/** Only for role ADMIN (the server refuses the admin operations to anyone else regardless). */
const ADMIN_NAV: [string, NavKey][] = [['/ops/admin', 'navAdmin']];

/**
 * The console frame (PC first): header with the operator's name and role, side navigation, and a
 * page heading that takes the focus on every route change (screen readers announce the page).
 */
export function OpsLayout({ title, operator: operatorRef, onSignOut, children }: OpsLayoutProps) {
  const { s } = useI18n(opsText);
  const operator = getFragmentData(OperatorFieldsFragmentDoc, operatorRef);
  const path = usePath();
  const heading = useRef<HTMLHeadingElement>(null);
  const nav = operator?.role === 'ADMIN' ? [...NAV, ...ADMIN_NAV] : NAV;

  useEffect(() => {
    document.title = `${title} | ${s.consoleName}`;
    heading.current?.focus({ preventScroll: true });
  }, [title, s.consoleName]);

  return (
    <div class={operator ? 'ops' : 'ops ops--signed-out'}>
      <a class="skip-link" href="#ops-main">
        {s.skipToContent}
      </a>
      <header class="ops-header">
        <span class="ops-header__brand">{s.consoleName}</span>
        <div class="ops-header__end">
          {operator ? (
            <p class="ops-header__operator" data-testid="ops-operator">
              <span class="visually-hidden">{s.signedInAs}: </span>
              <strong>{operator.displayName}</strong>{' '}
              <span class="ops-role">{named(s, 'role', operator.role)}</span>{' '}
              <span class="ops-header__id">({operator.loginId})</span>
            </p>
          ) : null}
          <LanguageSwitch />
        </div>
      </header>
      <div class="ops-body">
        {operator ? (
          <nav class="ops-nav" aria-label={s.navLabel}>
            <ul>
              {nav.map(([href, key]) => (
                <li key={href}>
                  <Link
                    href={href}
                    data-testid={`ops-nav-${key}`}
                    aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}
                  >
                    {s[key]}
                  </Link>
                </li>
              ))}
              <li>
                <button type="button" class="ops-nav__signout" data-testid="ops-signout" onClick={onSignOut}>
                  {s.navSignOut}
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
        <main id="ops-main" class="ops-main">
          <h1 class="page-title" tabIndex={-1} ref={heading}>
            {title}
          </h1>
          {children}
        </main>
      </div>
    </div>
  );
}
