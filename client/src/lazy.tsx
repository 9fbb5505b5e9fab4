import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FormErrors } from './components/FormErrors';
import { Layout } from './components/Layout';
import { errorMessage } from './data/errors';
import { useI18n } from './i18n';

/**
 * A page whose code is a separate chunk (webpack dynamic import), fetched on first use. The
 * service worker precaches every chunk, so lazy pages work offline like the rest of the shell.
 * `directPaths`: the page's address, or a pattern of its addresses. Opened directly at one of them (a
 * bookmark, a mail link, the installed app reopening its last page), its code is fetched at once,
 * alongside the dictionary and the session check (`me`) rather than after them: one round trip less
 * before the page shows.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  directPaths?: string | RegExp,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const get = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (err: unknown) => {
        pending = null; // allow a retry
        throw err;
      },
    );
    return pending;
  };
  const here = typeof window === 'undefined' ? '' : window.location.pathname;
  const direct = typeof directPaths === 'string' ? directPaths === here : !!directPaths?.test(here);
  if (direct) get().catch(() => {}); // a failure shows (with a retry) when the page renders

  return function LazyPage(props: P) {
    const { t } = useI18n();
    const [, setReady] = useState(0);
    const [failure, setFailure] = useState<unknown>(null);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
      if (loaded) return;
      let live = true;
      get().then(
        () => live && setReady((n) => n + 1),
        (err: unknown) => live && setFailure(err ?? new Error('chunk')),
      );
      return () => {
        live = false;
      };
    }, [attempt]);

    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (failure) {
      return (
        <Layout title={t('appName')}>
          <FormErrors messages={[errorMessage(failure, t)]} />
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('retry')}
          </button>
        </Layout>
      );
    }
    return (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  };
}
