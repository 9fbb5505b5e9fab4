import { useQuery } from '@apollo/client/react';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Binding } from '../forms';
import { SecretQuestionsDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Field } from './Field';
import { SelectField } from './SelectField';

/**
 * The secret questions' texts are localised by the server: a query that shows them is fetched
 * again after a language switch (on failure the previous texts stay; the query's error says why).
 */
export function useRefetchOnLangSwitch(refetch: () => Promise<unknown>) {
  const { lang } = useI18n();
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    void refetch().catch(() => {});
  }, [lang, refetch]);
}

/** The fixed list of secret questions, in the UI language (refetched when the language changes). */
export function useSecretQuestions() {
  const { data, error, refetch } = useQuery(SecretQuestionsDocument, { fetchPolicy: 'cache-and-network' });
  useRefetchOnLangSwitch(refetch);
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
