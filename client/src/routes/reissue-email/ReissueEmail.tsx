import { AddressStatus } from '../../components/address/AddressStatus';
import { useMutation, useQuery } from '../../data/hooks';
import { fill, formatDateTime } from '../../format';
import { DeleteReissueEmailDocument, ReissueEmailStatusDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';

/** Guide 5 (1)–(2): the registered reissue address, with register / change / delete. */
export function ReissueEmailPage() {
  const { t, lang } = useI18n();
  const query = useQuery(ReissueEmailStatusDocument, { requestPolicy: 'network-only' });
  const [remove, { loading: deleting }] = useMutation(DeleteReissueEmailDocument);
  const { data } = query;

  const status = data?.me?.reissueEmail ?? null;
  const active = status?.email ?? null;
  const pending = status?.pendingEmail ?? null;
  const question = status?.secretQuestion?.text;
  const undelivered = data?.myUndeliveredMails ?? [];

  return (
    <AddressStatus
      id="reissue"
      title={t('reissueEmailTitle')}
      lead={t('reissueEmailLead')}
      words={{
        activeTitle: t('reissueEmailActive'),
        none: t('reissueEmailNone'),
        noneNote: t('reissueEmailNoneNote'),
        pendingTitle: t('reissuePendingTitle'),
        pendingExpires: t('reissuePendingExpires'),
        pendingBody: t('reissuePendingBody'),
        pendingActiveNote: t('reissuePendingActiveNote'),
        registerButton: t('registerButton'),
        changeButton: t('changeButton'),
        deleteButton: t('deleteButton'),
        deleteQuestion: t('reissueDeleteQuestion'),
        deleteConfirm: t('reissueDeleteConfirm'),
        deleted: t('reissueDeleted'),
      }}
      query={query}
      active={active}
      pending={pending}
      pendingExpiresAt={status?.pendingExpiresAt}
      activeRows={[
        { label: t('email'), value: active, testId: 'reissue-email-address' },
        ...(question
          ? [{ label: t('secretQuestion'), value: question, testId: 'reissue-secret-question' }]
          : []),
      ]}
      pendingRows={[{ label: t('email'), value: pending, testId: 'reissue-pending-email' }]}
      registerHref="/reissue-email/register"
      changeTestId="reissue-change"
      remove={() => remove({})}
      deleting={deleting}
      banner={
        undelivered.length > 0 ? (
          <div class="alert alert--error" role="status" data-testid="undelivered-mail">
            {undelivered.map((m) => (
              <p key={`${m.recipient}-${m.failedAt}`}>
                {fill(t('undeliveredMail'), { to: m.recipient, at: formatDateTime(m.failedAt, lang) })}
              </p>
            ))}
          </div>
        ) : null
      }
    />
  );
}
