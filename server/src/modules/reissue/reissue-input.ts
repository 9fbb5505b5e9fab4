import type { PolicyIssue } from '../../shared/policy-issue';
import { ReissueErrorCode as Code } from './reissue-error-code.enum';
import { normalizeSecretAnswer, SECRET_QUESTIONS } from './secret-questions';

const SECRET_ANSWER_MAX = 50;

export function checkSecretQuestionAndAnswer(questionId: string, answer: string): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (!questionId) issues.push({ field: 'secretQuestionId', code: Code.REQUIRED });
  else if (!SECRET_QUESTIONS.some((q) => q.id === questionId)) {
    issues.push({ field: 'secretQuestionId', code: Code.SECRET_QUESTION_UNKNOWN });
  }
  const normalized = normalizeSecretAnswer(answer);
  if (!normalized) issues.push({ field: 'secretAnswer', code: Code.REQUIRED });
  else if ([...normalized].length > SECRET_ANSWER_MAX)
    issues.push({ field: 'secretAnswer', code: Code.SECRET_ANSWER_TOO_LONG });
  return issues;
}
