import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
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
 * Once the page is scrolled a screen down: back to the top, focus on the page heading (so keyboard and
 * screen reader users start over from there). Last in the main content, so Tab reaches it after the
 * page; fixed at the corner, so showing it moves nothing.
 */
function BackToTop({ heading }: { heading: RefObject<HTMLHeadingElement> }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let frame = 0;
    const check = () => {
      frame = 0;
      setShown(window.scrollY > window.innerHeight);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    onScroll(); // in the next frame: reading scrollY now would force a layout of the page just rendered
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);
  if (!shown) return null;
  return (
    <button
      type="button"
      class="back-to-top"
      data-testid="back-to-top"
      onClick={() => {
        window.scrollTo(0, 0);
        heading.current?.focus({ preventScroll: true });
      }}
    >
      <span aria-hidden="true">↑</span> {t('backToPageTop')}
    </button>
  );
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
        {/* Signed-in pages fill the screen at least: the footer starts below it and is not pushed
            down (a layout shift) when a bill arrives. */}
        <main id="main" class={menu ? 'container container--screen' : 'container'}>
          <h1 class="page-title" tabIndex={-1} ref={heading}>
            {title}
          </h1>
          {children}
          <BackToTop heading={heading} />
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
