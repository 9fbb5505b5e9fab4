import { ConfirmationMailSent, InvalidOrExpiredToken } from '../../graphql/confirmation.results';
import { FieldErrors, userError } from '../../graphql/user-error';
import type { Lang } from '../../i18n/messages';
import type { PolicyIssue } from '../../shared/policy-issue';

type Rejected = { kind: 'rejected'; issues: PolicyIssue[] };

/** The GraphQL answer to registering an address confirmed by mail: the link is on its way, or what to fix. */
export function registerResult(
  outcome: { kind: 'sent'; email: string; expiresAt: Date } | Rejected,
  lang: Lang,
): ConfirmationMailSent | FieldErrors {
  if (outcome.kind === 'rejected') return FieldErrors.of(lang, outcome.issues);
  return Object.assign(new ConfirmationMailSent(), { email: outcome.email, expiresAt: outcome.expiresAt });
}

/** The GraphQL answer to the link page; `registered` builds the feature's success member. */
export function confirmResult<R extends { kind: 'registered' }, T>(
  outcome: R | { kind: 'invalid-token' } | Rejected,
  lang: Lang,
  registered: (outcome: R) => T,
): T | InvalidOrExpiredToken | FieldErrors {
  if (outcome.kind === 'invalid-token')
    return userError(InvalidOrExpiredToken, 'INVALID_OR_EXPIRED_TOKEN', lang);
  if (outcome.kind === 'rejected') return FieldErrors.of(lang, (outcome as Rejected).issues);
  return registered(outcome as R);
}
