import { AddressConfirm } from '../../components/address/AddressConfirm';
import { SecretAnswerField, SecretQuestionField } from '../../components/SecretQuestionField';
import { useMutation } from '../../data/hooks';
import { ConfirmReissueEmailDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';

const EMPTY = { secretQuestionId: '', secretAnswer: '' };

/**
 * The page the mail link opens (guide 1-10…1-11, 5 (10)–(12)): the secret question and answer
 * again, then the registration is active. Works signed in and signed out.
 */
export function ReissueEmailConfirmPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const [mutate, { loading }] = useMutation(ConfirmReissueEmailDocument);
  return (
    <AddressConfirm
      id="reissue"
      registeredTestId="reissue-email-registered"
      words={{
        confirmTitle: t('reissueConfirmTitle'),
        confirmLead: t('reissueConfirmLead'),
        confirmButton: t('registerButton'),
        registeredTitle: t('reissueRegisteredTitle'),
        registeredBody: t('reissueRegisteredBody'),
        noToken: t('reissueNoToken'),
        registerAgain: t('registerAgain'),
        loginToRegisterAgain: t('loginToRegisterAgain'),
      }}
      signedIn={signedIn}
      empty={EMPTY}
      fields={(bind) => (
        <>
          <SecretQuestionField {...bind('secretQuestionId')} />
          <SecretAnswerField {...bind('secretAnswer')} />
        </>
      )}
      confirm={async (token, values) => (await mutate({ input: { token, ...values } })).confirmReissueEmail}
      sending={loading}
      registeredRows={(r) => [{ label: t('email'), value: r.email, testId: 'registered-email' }]}
      statusHref="/reissue-email"
      done={{ href: '/top', label: t('backToTop') }}
    />
  );
}
