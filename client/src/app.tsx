import { Provider } from '@urql/preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { FormErrors } from './components/FormErrors';
import { IdleWarning } from './components/IdleWarning';
import { Layout } from './components/Layout';
import { createGraphQLClient } from './data/client';
import { errorCode, errorMessage } from './data/errors';
import { onAuthEvent } from './data/events';
import { useQuery } from './data/hooks';
import { savedViewer } from './data/persist';
import {
  clearSession,
  ownerOf,
  ResetSessionContext,
  setLoginNotice,
  toldViewer,
  useToldViewer,
  type Viewer,
} from './data/session';
import { claimInterruptedForm, keepFormsForReLogin } from './forms';
import { MeDocument } from './gql/graphql';
import { I18nProvider, useI18n } from './i18n';
import { lazyPage } from './lazy';
import { takeLinkToken } from './linkToken';
import { navigate, usePath } from './router';
import { ChangeInitialPage } from './routes/change-initial/ChangeInitial';
import { ChangeInitialDonePage } from './routes/change-initial/ChangeInitialDone';
import { LoginPage } from './routes/login/Login';
import { NotFoundPage } from './routes/not-found/NotFound';
import { ChangePasswordDonePage, ChangePasswordPage } from './routes/password/ChangePassword';
import { TopPage } from './routes/top/Top';

// The bill pages with a month in their address: matched by the routes and by the pages' direct loads.
const BREAKDOWN = /^\/bills\/(\d{4}-\d{2})\/breakdown$/;
const SUMMARY = /^\/bills\/(\d{4}-\d{2})\/summary$/;
const PAY = /^\/bills\/(\d{4}-\d{2})\/pay$/;

// Screens off the first-login path are separate chunks, fetched on first use.
const ForgotPage = lazyPage(() =>
  import(/* webpackChunkName: "forgot" */ './routes/forgot/Forgot').then((m) => m.ForgotPage),
);
const ReissueEmailPage = lazyPage(() =>
  import(/* webpackChunkName: "reissue-email" */ './routes/reissue-email').then((m) => m.ReissueEmailPage),
);
const ReissueEmailRegisterPage = lazyPage(() =>
  import(/* webpackChunkName: "reissue-email" */ './routes/reissue-email').then(
    (m) => m.ReissueEmailRegisterPage,
  ),
);
const ReissueEmailConfirmPage = lazyPage(
  () =>
    import(/* webpackChunkName: "reissue-email" */ './routes/reissue-email').then(
      (m) => m.ReissueEmailConfirmPage,
    ),
  '/reissue-email/confirm',
);
// The bill screens (guide 3): one chunk.
const BillsPage = lazyPage(
  () => import(/* webpackChunkName: "bills" */ './routes/bills').then((m) => m.BillsPage),
  '/bills',
);
const HistoryPage = lazyPage(
  () => import(/* webpackChunkName: "bills" */ './routes/bills').then((m) => m.HistoryPage),
  '/bills/history',
);
const BreakdownPage = lazyPage(
  () => import(/* webpackChunkName: "bills" */ './routes/bills').then((m) => m.BreakdownPage),
  BREAKDOWN,
);
const SummaryPage = lazyPage(
  () => import(/* webpackChunkName: "bills" */ './routes/bills').then((m) => m.SummaryPage),
  SUMMARY,
);
// Charges by line (issue 16): a chunk of its own, for the accounts that use it.
const LinesPage = lazyPage(
  () => import(/* webpackChunkName: "bill-lines" */ './routes/bills/lines/Lines').then((m) => m.LinesPage),
  '/bills/lines',
);
// Paying a bill (SPEC 3): card form and Pay-easy numbers, one chunk.
const PayPage = lazyPage(
  () => import(/* webpackChunkName: "pay" */ './routes/pay').then((m) => m.PayPage),
  PAY,
);
// Billing-amount notification mail (guide 4): one chunk.
const NotificationPage = lazyPage(() =>
  import(/* webpackChunkName: "notification" */ './routes/notification').then((m) => m.NotificationPage),
);
const NotificationRegisterPage = lazyPage(() =>
  import(/* webpackChunkName: "notification" */ './routes/notification').then(
    (m) => m.NotificationRegisterPage,
  ),
);
const NotificationConfirmPage = lazyPage(
  () =>
    import(/* webpackChunkName: "notification" */ './routes/notification').then(
      (m) => m.NotificationConfirmPage,
    ),
  '/billing-notification/confirm',
);
const MembershipPage = lazyPage(
  () =>
    import(/* webpackChunkName: "membership" */ './routes/membership/Membership').then(
      (m) => m.MembershipPage,
    ),
  '/membership',
);
// The operator console (/ops): its own chunk, session, layout and wording.
const OpsConsole = lazyPage(() =>
  import(/* webpackChunkName: "ops" */ './routes/ops').then((m) => m.OpsConsole),
);
const isOpsPath = (path: string) => path === '/ops' || path.startsWith('/ops/');
/** The operator console or the subscriber's routes (guarded by `me`). */
function Entry() {
  return isOpsPath(usePath()) ? <OpsConsole /> : <Routes />;
}
/** The subscriber's idle warning; the console has its own session. */
function SubscriberIdleWarning() {
  return isOpsPath(usePath()) ? null : <IdleWarning />;
}
const MailboxPage = lazyPage(() =>
  import(/* webpackChunkName: "dev-mailbox" */ './routes/dev/Mailbox').then((m) => m.MailboxPage),
);

// A mail link's token leaves the address bar before anything else runs (it stays in memory).
if (
  typeof window !== 'undefined' &&
  (window.location.pathname.startsWith('/reissue-email/confirm') ||
    window.location.pathname.startsWith('/billing-notification/confirm'))
)
  takeLinkToken();

const PUBLIC = new Set(['/login']);
/** Pages that work in every state, signed out included (mail links, reissue, dev mailbox). */
const ANYWHERE = new Set([
  '/forgot',
  '/reissue-email/confirm',
  '/billing-notification/confirm',
  '/dev/mailbox',
]);
/** Pages that only show a result: allowed for any signed-in state, so the guard never races them. */
const DONE = new Set(['/change-initial/done', '/password/done', '/change-password/done']);
const FORCED: Record<string, string> = {
  CHANGE_INITIAL_CREDENTIALS: '/change-initial',
  CHANGE_PASSWORD: '/change-password',
};

/** Where the route guard sends the user, or null to stay. */
export function guard(path: string, viewer: Viewer | null): string | null {
  if (!viewer) return PUBLIC.has(path) || ANYWHERE.has(path) ? null : '/login';
  const forced = FORCED[viewer.requiredAction];
  if (forced) return path === forced || ANYWHERE.has(path) || DONE.has(path) ? null : forced;
  if (path === '/' || path === '/login' || path === '/change-initial' || path === '/change-password')
    return '/top';
  return null;
}

function Routes() {
  const { t } = useI18n();
  const path = usePath();
  const { loading, error, refetch } = useQuery(MeDocument);
  // Once known (an answer to `me`, a sign-in, a sign-out), the viewer stays known while `me` is
  // asked again (a language switch starts a new client).
  const told = useToldViewer();
  // Started offline: the subscriber whose bills are saved on the device (SPEC 7), until the
  // server can be asked again; logout and expiry wipe it.
  const unreachable =
    told === undefined && !!error && (errorCode(error) === 'OFFLINE' || errorCode(error) === 'NETWORK');
  const offlineViewer = unreachable ? savedViewer() : null;
  const viewer = told ?? offlineViewer;
  const ready = told !== undefined || (!loading && (!error || !!offlineViewer));
  const redirect = ready ? guard(path, viewer) : null;

  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event === 'CREDENTIAL_CHANGE_REQUIRED') void refetch(); // the guard then forces the change screen
      }),
    [refetch],
  );

  useEffect(() => {
    if (!redirect) return;
    // Signed in again after a forced sign-out: back to the form that was interrupted, if allowed there.
    const back = path === '/login' && viewer ? claimInterruptedForm(ownerOf(viewer)) : null;
    navigate(back && guard(back, viewer) === null ? back : redirect, { replace: true });
  }, [redirect]);

  // Back online after an offline start: ask the server who is signed in.
  useEffect(() => {
    if (!offlineViewer) return;
    const online = () => void refetch().catch(() => {});
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [offlineViewer, refetch]);

  if (told === undefined && error && !offlineViewer) {
    return (
      <Layout title={t('appName')}>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--primary" onClick={() => void refetch()}>
          {t('retry')}
        </button>
      </Layout>
    );
  }
  if (!ready || redirect) {
    return (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  }

  const pay = PAY.exec(path);
  if (pay) return <PayPage month={pay[1]} />;
  const breakdown = BREAKDOWN.exec(path);
  if (breakdown) return <BreakdownPage month={breakdown[1]} />;
  const summary = SUMMARY.exec(path);
  if (summary) return <SummaryPage month={summary[1]} />;

  switch (path) {
    case '/login':
      return <LoginPage />;
    case '/forgot':
      return <ForgotPage />;
    case '/change-initial':
      return <ChangeInitialPage />;
    case '/change-initial/done':
      return <ChangeInitialDonePage />;
    case '/change-password':
      return <ChangePasswordPage forced />;
    case '/change-password/done':
      return <ChangePasswordDonePage forced />;
    case '/password':
      return <ChangePasswordPage />;
    case '/password/done':
      return <ChangePasswordDonePage />;
    case '/top':
      return viewer ? <TopPage viewer={viewer} /> : null;
    case '/bills':
      return <BillsPage />;
    case '/bills/history':
      return <HistoryPage />;
    case '/bills/lines':
      return <LinesPage />;
    case '/reissue-email':
      return <ReissueEmailPage />;
    case '/reissue-email/register':
      return <ReissueEmailRegisterPage />;
    case '/reissue-email/confirm':
      return <ReissueEmailConfirmPage signedIn={viewer?.requiredAction === 'NONE'} />;
    case '/bills/notification':
      return <NotificationPage />;
    case '/bills/notification/register':
      return <NotificationRegisterPage />;
    case '/billing-notification/confirm':
      return <NotificationConfirmPage signedIn={viewer?.requiredAction === 'NONE'} />;
    case '/membership':
      return <MembershipPage />;
    case '/dev/mailbox':
      return <MailboxPage />;
    default:
      return <NotFoundPage />;
  }
}

export function App() {
  return (
    <I18nProvider>
      <Session />
    </I18nProvider>
  );
}

/** The GraphQL client of this session and language, and what ends a session. */
function Session() {
  const { lang } = useI18n();
  const [generation, setGeneration] = useState(0);
  // A new session or language: a new client (nothing cached in the other one can show again).
  const client = useMemo(() => createGraphQLClient(), [generation, lang]);

  const resetSession = useCallback(async () => {
    clearSession();
    setGeneration((g) => g + 1); // remount on a new client: nothing of the session is cached
  }, []);

  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event !== 'UNAUTHENTICATED' || isOpsPath(window.location.pathname)) return; // ops: its own
        // Before the session is cleared: the forms on screen are kept for their owner's re-login.
        const me = toldViewer();
        if (me) keepFormsForReLogin(ownerOf(me));
        setLoginNotice('sessionExpired');
        void resetSession().then(() => navigate('/login', { replace: true }));
      }),
    [resetSession],
  );

  return (
    <Provider value={client}>
      <ResetSessionContext.Provider value={resetSession}>
        <Entry key={generation} />
        <SubscriberIdleWarning />
      </ResetSessionContext.Provider>
    </Provider>
  );
}
