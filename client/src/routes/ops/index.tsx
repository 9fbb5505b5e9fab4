// The operator console (/ops): a lazy chunk of its own, with its own session (operator cookie),
// layout, wording and GraphQL documents. Nothing here is loaded by the subscriber's screens.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { FormErrors } from '../../components/FormErrors';
import { errorCode, errorMessage } from '../../data/errors';
import { onAuthEvent } from '../../data/events';
import { useMutation } from '../../data/hooks';
import { CurrentOperatorDocument, OperatorLogoutDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate, usePath } from '../../router';
import { AccountPage } from './Account';
import { AdminPage } from './Admin';
import { AuditPage } from './Audit';
import { OpsLoginPage } from './Login';
import { MailPage } from './Mail';
import { type OperatorRef, OpsLayout } from './OpsLayout';
import { PostcardsPage } from './Postcards';
import { ProvisionPage } from './Provision';
import { useOpsQuery } from './query';
import { forgetLastSearch, SearchPage } from './Search';
import { opsText } from './strings';
import './ops.css';

export type Notice = 'sessionExpired' | 'loggedOut' | null;

export interface OpsPageProps {
  /** Masked: OpsLayout reads OperatorFields. */
  operator: OperatorRef;
  onSignOut: () => void;
}

/** Who is signed in, as sign-in or sign-out last told; undefined = as the server's currentOperator says. */
export type OperatorOverride = OperatorRef | null | undefined;

export function OpsConsole() {
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  // The document cache cannot be written: sign-in and sign-out tell the routes here who is signed in.
  const [told, setTold] = useState<OperatorOverride>(undefined);

  /**
   * Ends the operator's session on screen: the sign-in screen, every route remounted. The client's
   * cache stays, but the console's queries never read it (useOpsQuery asks the server every time).
   */
  const reset = useCallback((why: Notice) => {
    forgetLastSearch();
    setTold(null);
    setNotice(why);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event === 'UNAUTHENTICATED') reset('sessionExpired');
      }),
    [reset],
  );

  return <OpsRoutes key={generation} notice={notice} told={told} onSignedIn={setTold} onReset={reset} />;
}

interface OpsRoutesProps {
  notice: Notice;
  told: OperatorOverride;
  onSignedIn: (operator: OperatorRef) => void;
  onReset: (why: Notice) => void;
}

function OpsRoutes({ notice, told, onSignedIn, onReset }: OpsRoutesProps) {
  const { t, s } = useI18n(opsText);
  const path = usePath();
  // Asked only while nobody has told: after a sign-in or sign-out this screen already knows.
  const { data, loading, error, refetch } = useOpsQuery(CurrentOperatorDocument, {
    skip: told !== undefined,
  });
  const [logout] = useMutation(OperatorLogoutDocument);
  const operator = told !== undefined ? told : (data?.currentOperator ?? null);

  useEffect(() => {
    if (operator && path === '/ops') navigate('/ops/search', { replace: true });
  }, [operator, path]);

  if (told === undefined && loading && !data) {
    return (
      <p class="loading" role="status" aria-live="polite">
        {s.loading}
      </p>
    );
  }
  if (told === undefined && error && !data && errorCode(error) !== 'UNAUTHENTICATED') {
    return (
      <OpsLayout title={s.consoleName}>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--primary" onClick={() => void refetch()}>
          {s.retry}
        </button>
      </OpsLayout>
    );
  }
  if (!operator) return <OpsLoginPage notice={notice} onSignedIn={onSignedIn} />;

  const signOut = () => {
    void logout({})
      .catch(() => {
        /* signed out locally regardless */
      })
      .then(() => onReset('loggedOut'));
  };
  const props: OpsPageProps = { operator, onSignOut: signOut };

  const account = /^\/ops\/accounts\/([^/]+)$/.exec(path);
  if (account) return <AccountPage {...props} id={decodeURIComponent(account[1])} />;
  switch (path) {
    case '/ops':
    case '/ops/search':
      return <SearchPage {...props} />;
    case '/ops/provision':
      return <ProvisionPage {...props} />;
    case '/ops/postcards':
      return <PostcardsPage {...props} />;
    case '/ops/mail':
      return <MailPage {...props} />;
    case '/ops/audit':
      return <AuditPage {...props} />;
    case '/ops/admin':
      return <AdminPage {...props} />;
    default:
      return (
        <OpsLayout title={s.notFound} {...props}>
          <p>{s.notFound}</p>
        </OpsLayout>
      );
  }
}
