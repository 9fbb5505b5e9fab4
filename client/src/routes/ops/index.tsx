// The operator console (/ops): a lazy chunk of its own, with its own session (operator cookie),
// layout, wording and GraphQL documents. Nothing here is loaded by the subscriber's screens.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorCode, errorMessage } from '../../apollo/errors';
import { onAuthEvent } from '../../apollo/events';
import { FormErrors } from '../../components/FormErrors';
import { useI18n } from '../../i18n';
import { navigate, usePath } from '../../router';
import { AccountPage } from './Account';
import { AdminPage } from './Admin';
import { AuditPage } from './Audit';
import { CurrentOperatorDocument, type OperatorFieldsFragment, OperatorLogoutDocument } from './gql/graphql';
import { OpsLoginPage } from './Login';
import { MailPage } from './Mail';
import { OpsLayout } from './OpsLayout';
import { PostcardsPage } from './Postcards';
import { ProvisionPage } from './Provision';
import { SearchPage } from './Search';
import { opsText } from './strings';
import './ops.css';

export type Notice = 'sessionExpired' | 'loggedOut' | null;

export interface OpsPageProps {
  operator: OperatorFieldsFragment;
  onSignOut: () => void;
}

export function OpsConsole() {
  const client = useApolloClient();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);

  /** Forgets everything cached for the operator's session and shows the sign-in screen. */
  const reset = useCallback(
    async (why: Notice) => {
      await client.clearStore();
      client.writeQuery({
        query: CurrentOperatorDocument,
        data: { __typename: 'Query', currentOperator: null },
      });
      setNotice(why);
      setGeneration((g) => g + 1);
    },
    [client],
  );

  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event === 'UNAUTHENTICATED') void reset('sessionExpired');
      }),
    [reset],
  );

  return <OpsRoutes key={generation} notice={notice} onReset={reset} />;
}

function OpsRoutes({ notice, onReset }: { notice: Notice; onReset: (why: Notice) => Promise<void> }) {
  const { t, s } = useI18n(opsText);
  const path = usePath();
  const { data, loading, error, refetch } = useQuery(CurrentOperatorDocument);
  const [logout] = useMutation(OperatorLogoutDocument);
  const operator = data?.currentOperator ?? null;

  useEffect(() => {
    if (operator && path === '/ops') navigate('/ops/search', { replace: true });
  }, [operator, path]);

  if (loading && !data) {
    return (
      <p class="loading" role="status" aria-live="polite">
        {s.loading}
      </p>
    );
  }
  if (error && !data && errorCode(error) !== 'UNAUTHENTICATED') {
    return (
      <OpsLayout title={s.consoleName}>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--primary" onClick={() => void refetch()}>
          {s.retry}
        </button>
      </OpsLayout>
    );
  }
  if (!operator) return <OpsLoginPage notice={notice} />;

  const signOut = () => {
    void logout()
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
