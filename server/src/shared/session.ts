import type { RequiredAction } from './required-action';

/** Who is asking, for the audit trail and sessions. */
export interface RequestMeta {
  clientAddress: string;
  userAgent: string | null;
}

/** How the subscriber's session token came: a browser's cookie or a client's bearer header. */
export type SessionTransport = 'cookie' | 'bearer';

/** The signed-in subscriber's columns (auth selects them; resolvers read them). */
export interface ViewerRow {
  subscriber_id: string;
  login_id: string;
  required_action: RequiredAction;
  customer_number: string;
  registered_phone_number: string;
  holder_name: string;
}

/** A live subscriber session, as the request context carries it. */
export interface AuthenticatedSession {
  sessionId: string;
  subscriberId: string;
  billingAccountId: string;
  requiredAction: RequiredAction;
  expiresAt: Date;
  /** When the session ends if no further request comes: its idle end, never past `expiresAt`. */
  idleExpiresAt: Date;
  /** The subscriber as of this request. */
  viewer: ViewerRow;
}
