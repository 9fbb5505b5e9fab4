import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/messages';
import type { AuthenticatedSession, RequestMeta, SessionTransport } from '../shared/session';
import type { Loaders } from './loaders';
import type { ApiKeyPrincipal, OperatorPrincipal } from './roles';

export interface GraphQLContext extends RequestMeta {
  request: FastifyRequest;
  reply: FastifyReply;
  lang: Lang;
  /** The caller's session, if the request carried a live cookie or bearer token. */
  session: AuthenticatedSession | null;
  sessionTransport: SessionTransport | null;
  /** A call-centre operator's session (own cookie or bearer token), if any. */
  operator: OperatorPrincipal | null;
  /** An integrator's API key (`Authorization: Bearer wbk_…`), if any. */
  apiKey: ApiKeyPrincipal | null;
  loaders: Loaders;
  /** Whether cookies must be Secure (PUBLIC_URL is https). */
  secureCookies: boolean;
}
