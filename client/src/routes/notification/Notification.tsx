import { AddressStatus } from '../../components/address/AddressStatus';
import { useMutation, useQuery } from '../../data/hooks';
import {
  type BillingNotificationEmailType,
  DeleteBillingNotificationEmailDocument,
  NotificationEmailDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { type NotificationStrings, notificationText } from './strings';

export const typeLabel = (s: NotificationStrings, type: BillingNotificationEmailType | null | undefined) =>
  type === 'MOBILE' ? s.typeMOBILE : type === 'INTERNET' ? s.typeINTERNET : '';

/** Guide 4 "Important points to note". */
export function NotificationNotes() {
  const { s } = useI18n(notificationText);
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
  const { t, s } = useI18n(notificationText);
  const query = useQuery(NotificationEmailDocument, { requestPolicy: 'network-only' });
  const [remove, { loading: deleting }] = useMutation(DeleteBillingNotificationEmailDocument);

  const status = query.data?.billing.notificationEmail ?? null;
  const active = status?.email ?? null;
  const pending = status?.pendingEmail ?? null;

  return (
    <AddressStatus
      id="notification"
      title={s.settingsTitle}
      lead={s.settingsLead}
      words={s}
      menu
      query={query}
      active={active}
      pending={pending}
      pendingExpiresAt={status?.pendingExpiresAt}
      activeRows={[
        { label: s.emailType, value: typeLabel(s, status?.emailType), testId: 'notification-email-type' },
        { label: t('email'), value: active, testId: 'notification-email' },
      ]}
      pendingRows={[
        { label: s.emailType, value: typeLabel(s, status?.pendingEmailType) },
        { label: t('email'), value: pending, testId: 'notification-pending-email' },
      ]}
      registerHref="/bills/notification/register"
      remove={() => remove({})}
      deleting={deleting}
      notes={<NotificationNotes />}
      back={{ href: '/bills', label: s.backToBills }}
    />
  );
}
