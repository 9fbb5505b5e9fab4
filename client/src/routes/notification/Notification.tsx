import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../apollo/errors';
import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { formatDateTime } from '../../format';
import {
  type BillingNotificationEmailType,
  DeleteBillingNotificationEmailDocument,
  NotificationEmailDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { type NotificationStrings, useNotificationStrings } from './strings';

export const typeLabel = (s: NotificationStrings, type: BillingNotificationEmailType | null | undefined) =>
  type === 'MOBILE' ? s.typeMOBILE : type === 'INTERNET' ? s.typeINTERNET : '';

/** Guide 4 "Important points to note". */
export function NotificationNotes() {
  const s = useNotificationStrings();
  return (
    <section class="note" aria-labelledby="notification-notes-title">
      <h2 id="notification-notes-title" class="note__title">
        {s.importantTitle}
      </h2>
      <ul>
        <li>{s.important1}</li>
        <li>{s.important2}</li>
        <li>{s.important3}</li>
      </ul>
    </section>
  );
}

/** Guide 4 (2)–(3): the settings for billing amount notices, with register / change / delete. */
export function NotificationPage() {
  const { t, lang } = useI18n();
  const s = useNotificationStrings();
  const { data, loading, error, refetch } = useQuery(NotificationEmailDocument, {
    fetchPolicy: 'network-only',
  });
  const [remove, { loading: deleting }] = useMutation(DeleteBillingNotificationEmailDocument);
  const [asking, setAsking] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const askRef = useRef<HTMLElement>(null);

  // The delete question takes the focus, so a screen reader reads it before the buttons.
  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);

  const status = data?.billing.notificationEmail ?? null;
  const active = status?.email ?? null;
  const pending = status?.pendingEmail ?? null;

  const onDelete = async () => {
    setErrors([]);
    try {
      await remove();
      setAsking(false);
      setDeleted(true);
      await refetch();
    } catch (err) {
      setErrors([errorMessage(err, t)]);
    }
  };

  let body = null;
  if (!data && loading) {
    body = (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  } else if (!data && error) {
    body = (
      <>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--primary" onClick={() => void refetch()}>
          {t('retry')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        {active ? (
          <section class="card" aria-labelledby="notification-active-title" data-testid="notification-active">
            <h2 id="notification-active-title" class="card__title">
              {s.activeTitle}
            </h2>
            <dl class="props">
              <div>
                <dt>{s.emailType}</dt>
                <dd data-testid="notification-email-type">{typeLabel(s, status?.emailType)}</dd>
              </div>
              <div>
                <dt>{t('email')}</dt>
                <dd data-testid="notification-email">{active}</dd>
              </div>
            </dl>
          </section>
        ) : (
          <p class="note" data-testid="notification-none">
            {s.none}
          </p>
        )}
        {pending ? (
          <section
            class="alert alert--info"
            aria-labelledby="notification-pending-title"
            data-testid="notification-pending"
          >
            <h2 id="notification-pending-title" class="note__title">
              {s.pendingTitle}
            </h2>
            <dl class="props">
              <div>
                <dt>{s.emailType}</dt>
                <dd>{typeLabel(s, status?.pendingEmailType)}</dd>
              </div>
              <div>
                <dt>{t('email')}</dt>
                <dd data-testid="notification-pending-email">{pending}</dd>
              </div>
              {status?.pendingExpiresAt ? (
                <div>
                  <dt>{s.pendingExpires}</dt>
                  <dd data-testid="notification-pending-expires">
                    <time dateTime={status.pendingExpiresAt}>
                      {formatDateTime(status.pendingExpiresAt, lang)}
                    </time>
                  </dd>
                </div>
              ) : null}
            </dl>
            <p>{s.pendingBody}</p>
            {active ? <p>{s.pendingActiveNote}</p> : null}
          </section>
        ) : null}
        <FormErrors messages={errors} id="notification-errors" />
        <p
          role="status"
          class={deleted ? 'alert alert--success' : 'alert-empty'}
          data-testid="notification-deleted"
        >
          {deleted ? s.deleted : ''}
        </p>
        {asking ? (
          <section
            class="note note--warning"
            aria-labelledby="notification-delete-title"
            tabIndex={-1}
            ref={askRef}
            data-testid="notification-delete-ask"
          >
            <h2 id="notification-delete-title" class="note__title">
              {s.deleteButton}
            </h2>
            <p>{s.deleteQuestion}</p>
            <div class="actions">
              <BusyButton
                type="button"
                class="button button--danger"
                onClick={onDelete}
                busy={deleting}
                data-testid="notification-delete-confirm"
              >
                {s.deleteConfirm}
              </BusyButton>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setAsking(false)}
                data-testid="notification-delete-cancel"
              >
                {t('cancel')}
              </button>
            </div>
          </section>
        ) : (
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => navigate('/bills/notification/register')}
              data-testid="notification-register"
            >
              {active ? s.changeButton : s.registerButton}
            </button>
            {active || pending ? (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setDeleted(false);
                  setAsking(true);
                }}
                data-testid="notification-delete"
              >
                {s.deleteButton}
              </button>
            ) : null}
          </div>
        )}
      </>
    );
  }

  return (
    <Layout title={s.settingsTitle} menu>
      <p class="lead">{s.settingsLead}</p>
      {body}
      <NotificationNotes />
      <p class="links">
        <Link href="/bills">{s.backToBills}</Link>
        <Link href="/top">{t('backToTop')}</Link>
      </p>
    </Layout>
  );
}
