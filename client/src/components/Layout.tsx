import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { OfflineBanner } from './OfflineBanner';

interface LayoutProps {
  title: string;
  children: ComponentChildren;
}

/** Page frame: header with the language switch, offline banner, and a focused page heading. */
export function Layout({ title, children }: LayoutProps) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus to the new page's heading so screen readers announce the route change.
  useEffect(() => {
    document.title = `${title} | ${t('appName')}`;
    heading.current?.focus({ preventScroll: true });
  }, [title, t]);

  return (
    <>
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
      <main id="main" class="container">
        <h1 class="page-title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {children}
      </main>
      <footer class="app-footer">
        <div class="container">
          {t('contactDesk')} {t('contactPhone')}
        </div>
      </footer>
    </>
  );
}
