import type { PolicyIssue } from '../credentials/password-policy';
import { ReissueErrorCode as Code } from './reissue-error-code.enum';
import { normalizeSecretAnswer, SECRET_QUESTIONS } from './secret-questions';

const SECRET_ANSWER_MAX = 50;
// Pragmatic shape check (local@domain.tld, one-byte after NFKC); deliverability is proven by the link.
const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Full-width input is folded (ＡＢＣ＠ｅｘａｍｐｌｅ．ｊｐ → abc@example.jp); the domain is case-insensitive. */
export function normalizeEmail(input: string): string {
  const folded = input.normalize('NFKC').trim();
  const at = folded.lastIndexOf('@');
  return at < 0 ? folded : `${folded.slice(0, at)}@${folded.slice(at + 1).toLowerCase()}`;
}

export function checkEmail(email: string, field: string): PolicyIssue[] {
  if (!email) return [{ field, code: Code.REQUIRED }];
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) return [{ field, code: Code.EMAIL_INVALID }];
  return [];
}

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
