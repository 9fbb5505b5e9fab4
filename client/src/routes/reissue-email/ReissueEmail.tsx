import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../apollo/errors';
import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { fill, formatDateTime } from '../../format';
import { DeleteReissueEmailDocument, ReissueEmailStatusDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';

/** Guide 5 (1)–(2): the registered reissue address, with register / change / delete. */
export function ReissueEmailPage() {
  const { t, lang } = useI18n();
  const { data, loading, error, refetch } = useQuery(ReissueEmailStatusDocument, {
    fetchPolicy: 'network-only',
  });
  const [remove, { loading: deleting }] = useMutation(DeleteReissueEmailDocument);
  const [asking, setAsking] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const askRef = useRef<HTMLElement>(null);

  // The secret question's text is localised by the server: fetch again after a language switch.
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    void refetch().catch(() => {
      /* the previous text stays */
    });
  }, [lang, refetch]);

  // The delete question takes the focus, so a screen reader reads it before the buttons.
  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);

  const status = data?.me?.reissueEmail ?? null;
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
          <section class="card" aria-labelledby="reissue-active-title" data-testid="reissue-active">
            <h2 id="reissue-active-title" class="card__title">
              {t('reissueEmailActive')}
            </h2>
            <dl class="props">
              <div>
                <dt>{t('email')}</dt>
                <dd data-testid="reissue-email-address">{active}</dd>
              </div>
              {status?.secretQuestion ? (
                <div>
                  <dt>{t('secretQuestion')}</dt>
                  <dd data-testid="reissue-secret-question">{status.secretQuestion.text}</dd>
                </div>
              ) : null}
            </dl>
          </section>
        ) : (
          <section class="note" data-testid="reissue-none">
            <p>{t('reissueEmailNone')}</p>
            <p>{t('reissueEmailNoneNote')}</p>
          </section>
        )}
        {pending ? (
          <section
            class="alert alert--info"
            aria-labelledby="reissue-pending-title"
            data-testid="reissue-pending"
          >
            <h2 id="reissue-pending-title" class="note__title">
              {t('reissuePendingTitle')}
            </h2>
            <dl class="props">
              <div>
                <dt>{t('email')}</dt>
                <dd data-testid="reissue-pending-email">{pending}</dd>
              </div>
              {status?.pendingExpiresAt ? (
                <div>
                  <dt>{t('reissuePendingExpires')}</dt>
                  <dd data-testid="reissue-pending-expires">
                    <time dateTime={status.pendingExpiresAt}>
                      {formatDateTime(status.pendingExpiresAt, lang)}
                    </time>
                  </dd>
                </div>
              ) : null}
            </dl>
            <p>{t('reissuePendingBody')}</p>
            {active ? <p>{t('reissuePendingActiveNote')}</p> : null}
          </section>
        ) : null}
        <FormErrors messages={errors} id="reissue-errors" />
        <p
          role="status"
          class={deleted ? 'alert alert--success' : 'alert-empty'}
          data-testid="reissue-deleted"
        >
          {deleted ? t('reissueDeleted') : ''}
        </p>
        {asking ? (
          <section
            class="note note--warning"
            aria-labelledby="reissue-delete-title"
            tabIndex={-1}
            ref={askRef}
            data-testid="reissue-delete-ask"
          >
            <h2 id="reissue-delete-title" class="note__title">
              {t('deleteButton')}
            </h2>
            <p>{t('reissueDeleteQuestion')}</p>
            <div class="actions">
              <BusyButton
                type="button"
                class="button button--danger"
                onClick={onDelete}
                busy={deleting}
                data-testid="reissue-delete-confirm"
              >
                {t('reissueDeleteConfirm')}
              </BusyButton>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setAsking(false)}
                data-testid="reissue-delete-cancel"
              >
                {t('cancel')}
              </button>
            </div>
          </section>
        ) : (
          <div class="actions">
            {active ? (
              <button
                type="button"
                class="button button--primary"
                onClick={() => navigate('/reissue-email/register')}
                data-testid="reissue-change"
              >
                {t('changeButton')}
              </button>
            ) : (
              <button
                type="button"
                class="button button--primary"
                onClick={() => navigate('/reissue-email/register')}
                data-testid="reissue-register"
              >
                {t('registerButton')}
              </button>
            )}
            {active || pending ? (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setDeleted(false);
                  setAsking(true);
                }}
                data-testid="reissue-delete"
              >
                {t('deleteButton')}
              </button>
            ) : null}
          </div>
        )}
      </>
    );
  }

  const undelivered = data?.myUndeliveredMails ?? [];
  return (
    <Layout title={t('reissueEmailTitle')}>
      {undelivered.length > 0 ? (
        <div class="alert alert--error" role="status" data-testid="undelivered-mail">
          {undelivered.map((m) => (
            <p key={`${m.recipient}-${m.failedAt}`}>
              {fill(t('undeliveredMail'), { to: m.recipient, at: formatDateTime(m.failedAt, lang) })}
            </p>
          ))}
        </div>
      ) : null}
      <p class="lead">{t('reissueEmailLead')}</p>
      {body}
      <p class="links">
        <Link href="/top">{t('backToTop')}</Link>
      </p>
    </Layout>
  );
}
