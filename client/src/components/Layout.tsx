import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { useLayoutMode } from '../layoutMode';
import { LanguageSwitch } from './LanguageSwitch';
import { LayoutSwitch } from './LayoutSwitch';
import { OfflineBanner } from './OfflineBanner';
import { SideMenu } from './SideMenu';

interface LayoutProps {
  title: string;
  /** Signed-in pages: the side menu of the PC layout. */
  menu?: boolean;
  children: ComponentChildren;
}

/**
 * Page frame: header with the language switch, offline banner, a focused page heading, and the
 * smartphone/PC layout switch (the class on the root switches the whole app, CSS only).
 */
export function Layout({ title, menu, children }: LayoutProps) {
  const { t } = useI18n();
  const mode = useLayoutMode();
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus to the new page's heading so screen readers announce the route change.
  useEffect(() => {
    document.title = `${title} | ${t('appName')}`;
    heading.current?.focus({ preventScroll: true });
  }, [title, t]);

  return (
    <div class={`shell shell--${mode}`}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <div class="app-header__inner">
          <span class="app-header__brand">{t('appName')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <OfflineBanner />
      <div class="shell__body">
        {menu ? <SideMenu /> : null}
        <main id="main" class="container">
          <h1 class="page-title" tabIndex={-1} ref={heading}>
            {title}
          </h1>
          {children}
        </main>
      </div>
      <footer class="app-footer">
        <div class="container app-footer__inner">
          <span>
            {t('contactDesk')} {t('contactPhone')}
          </span>
          <LayoutSwitch />
        </div>
      </footer>
    </div>
  );
}
