import type { AuthChecker } from 'type-graphql';
import { RequiredAction } from '../modules/credentials/required-action.enum';
import type { GraphQLContext } from './context';
import { graphQLError } from './errors';

/**
 * `@Authorized()` means "a subscriber with nothing left to do". `@Authorized(RequiredAction.X)` also
 * admits a session whose pending required action is X. Enforced here on the server so a client
 * cannot skip the credential change (SPEC §2.2 step 2).
 */
export const authChecker: AuthChecker<GraphQLContext, string> = ({ context }, allowed) => {
  const session = context.session;
  if (!session) throw graphQLError('UNAUTHENTICATED', context.lang);
  const pending = session.requiredAction;
  if (pending !== RequiredAction.NONE && !allowed.includes(pending)) {
    throw graphQLError('CREDENTIAL_CHANGE_REQUIRED', context.lang, { requiredAction: pending });
  }
  return true;
};
