import { AddressRegister, EmailField } from '../../components/address/AddressRegister';
import {
  SecretAnswerField,
  SecretQuestionField,
  useSecretQuestions,
} from '../../components/SecretQuestionField';
import { useMutation, useQuery } from '../../data/hooks';
import {
  RegisterReissueEmailDocument,
  type RegisterReissueEmailInput,
  ReissueEmailStatusDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { normalizeEmail } from '../../normalize';

// ID inputs are typed string | number; the form only ever holds strings.
type Form = Record<keyof RegisterReissueEmailInput, string>;
const EMPTY: Form = { email: '', emailConfirmation: '', secretQuestionId: '', secretAnswer: '' };

/** Both addresses as the server compares and stores them. */
const toInput = (values: Form): Form => ({
  ...values,
  email: normalizeEmail(values.email),
  emailConfirmation: normalizeEmail(values.emailConfirmation),
});

/**
 * Guide 1-7…1-8 and 5 (3)–(7): enter the address and the secret question/answer, review them,
 * update; a confirmation mail then goes out. Also the change screen (the old address stays active
 * until the new one is confirmed).
 */
export function ReissueEmailRegisterPage() {
  const { t } = useI18n();
  const status = useQuery(ReissueEmailStatusDocument);
  const { questions } = useSecretQuestions();
  const [mutate, { loading }] = useMutation(RegisterReissueEmailDocument);

  const title = status.data?.me?.reissueEmail?.email ? t('reissueChangeTitle') : t('reissueRegisterTitle');

  return (
    <AddressRegister
      id="reissue"
      buttons="reissue-register"
      title={title}
      reviewTitle={`${title}（${t('reissueReviewTitle')}）`}
      words={{
        registerLead: t('reissueRegisterLead'),
        nextButton: t('confirmButton'),
        submitButton: t('updateButton'),
        reviewLead: t('reissueReviewLead'),
        notYet: t('reissueNotYet'),
        mailSentTitle: t('reissueMailSentTitle'),
        mailSentBody: t('reissueMailSentBody'),
        mailSentClick: t('reissueMailSentClick'),
        mailSentNotYet: t('reissueMailSentNotYet'),
      }}
      empty={EMPTY}
      fields={(bind) => (
        <>
          <EmailField {...bind('email')} />
          <EmailField {...bind('emailConfirmation')} confirmation />
          <SecretQuestionField {...bind('secretQuestionId')} />
          <SecretAnswerField {...bind('secretAnswer')} hint={t('secretAnswerHint')} />
        </>
      )}
      toInput={toInput}
      reviewRows={(input) => [
        { label: t('email'), value: input.email, testId: 'review-email' },
        {
          label: t('secretQuestion'),
          value: questions.find((q) => q.id === input.secretQuestionId)?.text ?? input.secretQuestionId,
          testId: 'review-secretQuestion',
        },
        { label: t('secretAnswer'), value: input.secretAnswer, testId: 'review-secretAnswer' },
      ]}
      send={async (input) => (await mutate({ input })).registerReissueEmail}
      sending={loading}
      statusHref="/reissue-email"
    />
  );
}
