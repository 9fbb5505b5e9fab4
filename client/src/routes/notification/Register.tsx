import { AddressRegister, EmailField } from '../../components/address/AddressRegister';
import { RadioField } from '../../components/RadioField';
import { useMutation, useQuery } from '../../data/hooks';
import {
  type BillingNotificationEmailType,
  NotificationEmailDocument,
  RegisterBillingNotificationEmailDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { normalizeEmail } from '../../normalize';
import { NotificationNotes, typeLabel } from './Notification';
import { notificationText } from './strings';

const EMPTY = { emailType: '', email: '' };

/**
 * Guide 4 (4)–(11): choose the type and enter the address, confirm it, then the temporary
 * registration is done and a mail with a link (valid 24 h) goes out. Also the change screen (the
 * active address stays in use until the new one is registered formally).
 */
export function NotificationRegisterPage() {
  const { t, s } = useI18n(notificationText);
  const status = useQuery(NotificationEmailDocument);
  const [mutate, { loading }] = useMutation(RegisterBillingNotificationEmailDocument);

  return (
    <AddressRegister
      id="notification"
      buttons="notification"
      title={status.data?.billing.notificationEmail?.email ? s.changeTitle : s.registerTitle}
      reviewTitle={s.reviewTitle}
      words={{ ...s, submitButton: s.nextButton }}
      menu
      empty={EMPTY}
      fields={(bind) => (
        <>
          <RadioField
            {...bind('emailType')}
            label={s.emailType}
            options={[
              { value: 'MOBILE', label: s.typeMOBILE },
              { value: 'INTERNET', label: s.typeINTERNET },
            ]}
          />
          <EmailField {...bind('email')} />
        </>
      )}
      toInput={(values) => ({
        emailType: values.emailType as BillingNotificationEmailType,
        email: normalizeEmail(values.email),
      })}
      reviewRows={(input) => [
        { label: s.emailType, value: typeLabel(s, input.emailType), testId: 'review-emailType' },
        { label: t('email'), value: input.email, testId: 'review-email' },
      ]}
      send={async (input) => (await mutate({ input })).registerBillingNotificationEmail}
      sending={loading}
      statusHref="/bills/notification"
      notes={<NotificationNotes />}
      back={{ href: '/bills/notification', label: t('back') }}
    />
  );
}
