import { AddressConfirm } from '../../components/address/AddressConfirm';
import { Field } from '../../components/Field';
import { useMutation } from '../../data/hooks';
import { ConfirmBillingNotificationEmailDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { typeLabel } from './Notification';
import { notificationText } from './strings';

const EMPTY = { registeredPhoneNumber: '' };

/**
 * The page the mailed link opens (guide 4 (12)–(14)): the registered phone number, then the
 * formal registration. Works signed in and signed out.
 */
export function NotificationConfirmPage({ signedIn }: { signedIn: boolean }) {
  const { t, s } = useI18n(notificationText);
  const [mutate, { loading }] = useMutation(ConfirmBillingNotificationEmailDocument);
  return (
    <AddressConfirm
      id="notification"
      registeredTestId="notification-registered"
      words={s}
      signedIn={signedIn}
      menu={signedIn}
      empty={EMPTY}
      fields={(bind) => (
        <Field
          {...bind('registeredPhoneNumber')}
          label={s.phoneLabel}
          hint={s.phoneHint}
          type="text"
          inputMode="tel"
          autocomplete="tel-national"
          maxLength={20}
          required
        />
      )}
      // The number is never echoed: the server folds dashes and full-width digits itself.
      confirm={async (token, values) => {
        const input = { token, registeredPhoneNumber: values.registeredPhoneNumber.trim() };
        return (await mutate({ input })).confirmBillingNotificationEmail;
      }}
      sending={loading}
      registeredRows={(r) => [
        { label: s.emailType, value: typeLabel(s, r.emailType), testId: 'registered-email-type' },
        { label: t('email'), value: r.email, testId: 'registered-email' },
      ]}
      statusHref="/bills/notification"
      done={{ href: '/bills/notification', label: t('ok') }}
    />
  );
}
