import type { ComponentChildren } from 'preact';
import { useQuery } from '../data/hooks';
import type { Binding } from '../forms';
import { SecretQuestionsDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Field } from './Field';
import { SelectField } from './SelectField';

/** The fixed list of secret questions, in the UI language (the server localises them). */
export function useSecretQuestions() {
  // In the UI language: a language switch starts a new client, which asks again.
  const { data, error } = useQuery(SecretQuestionsDocument, { requestPolicy: 'cache-and-network' });
  return { questions: data?.secretQuestions ?? [], error };
}

interface SecretQuestionFieldProps {
  value: string;
  onValue: (value: string) => void;
  errors?: readonly string[];
}

/** `secretQuestionId`: a <select> of the secret questions (guide 1-7 (15)). */
export function SecretQuestionField({ value, onValue, errors = [] }: SecretQuestionFieldProps) {
  const { t } = useI18n();
  const { questions, error } = useSecretQuestions();
  const shown = error && questions.length === 0 ? [...errors, t('secretQuestionsFailed')] : errors;
  return (
    <SelectField
      name="secretQuestionId"
      label={t('secretQuestion')}
      placeholder={t('secretQuestionPlaceholder')}
      value={value}
      onValue={onValue}
      options={questions.map((q) => ({ value: q.id, label: q.text }))}
      errors={shown}
      required
    />
  );
}

/** `secretAnswer`: the free-text answer to the secret question. */
export function SecretAnswerField({ hint, ...binding }: Binding & { hint?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <Field
      {...binding}
      label={t('secretAnswer')}
      hint={hint}
      placeholder={t('secretAnswerPlaceholder')}
      autocomplete="off"
      maxLength={50}
      required
    />
  );
}
