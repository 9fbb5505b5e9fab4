import type { AuthChecker } from 'type-graphql';
import { RequiredAction } from '../shared/required-action';
import type { GraphQLContext } from './context';
import { apiKeyError, graphQLError } from './errors';
import { Role } from './roles';

const isOperatorRole = (r: string) => r.startsWith('role:');
const isScope = (r: string) => r.startsWith('scope:');

/**
 * Three kinds of caller, never interchangeable:
 * - `@Authorized()` means "a subscriber with nothing left to do"; `@Authorized(RequiredAction.X)` also
 *   admits a session whose pending required action is X (enforced here, so a client cannot skip the
 *   credential change, SPEC §2.2 step 2).
 * - `@Authorized(Role.OPERATOR | Role.ADMIN)`: a call-centre operator's session (admins pass OPERATOR).
 * - `@Authorized(Scope.X)`: an integrator's API key holding scope X.
 * A caller of the wrong kind gets FORBIDDEN; a caller with no credentials at all, UNAUTHENTICATED.
 */
export const authChecker: AuthChecker<GraphQLContext, string> = ({ context }, allowed) => {
  const anyone = Boolean(context.session || context.operator || context.apiKey);
  const deny = () => {
    throw graphQLError(anyone ? 'FORBIDDEN' : 'UNAUTHENTICATED', context.lang);
  };

  const roles = allowed.filter(isOperatorRole);
  const scopes = allowed.filter(isScope);
  if (roles.length > 0 || scopes.length > 0) {
    const operator = context.operator;
    if (operator && roles.length > 0) {
      const granted = operator.role === 'ADMIN' || roles.includes(Role.OPERATOR);
      if (granted) return true;
    }
    const key = context.apiKey;
    const needed = scopes.map((s) => s.slice('scope:'.length));
    if (key && needed.some((s) => key.scopes.includes(s as never))) return true;
    // Integrators are told what their key lacks, in their own terms (not "log in again").
    if (key)
      throw apiKeyError('FORBIDDEN', 'API_KEY_SCOPE_MISSING', context.lang, { requiredScopes: needed });
    const presented = /^Bearer\s+wbk_/i.test(context.request.headers.authorization ?? '');
    if (presented) throw apiKeyError('UNAUTHENTICATED', 'API_KEY_INVALID', context.lang);
    if (roles.length === 0 && !anyone)
      throw apiKeyError('UNAUTHENTICATED', 'API_KEY_REQUIRED', context.lang, { requiredScopes: needed });
    return deny();
  }

  const session = context.session;
  if (!session) return deny();
  const pending = session.requiredAction;
  if (pending !== RequiredAction.NONE && !allowed.includes(pending)) {
    throw graphQLError('CREDENTIAL_CHANGE_REQUIRED', context.lang, { requiredAction: pending });
  }
  return true;
};
