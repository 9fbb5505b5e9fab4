/**
 * What `@Authorized(...)` accepts besides subscriber required actions (see auth-checker.ts).
 * An operation names either operator roles or integrator scopes; a subscriber session satisfies neither,
 * and an operator session or an API key never satisfies a subscriber operation.
 */
export const Role = {
  /** Any signed-in call-centre operator (admins included). */
  OPERATOR: 'role:OPERATOR',
  /** Admins only. */
  ADMIN: 'role:ADMIN',
} as const;

export const Scope = {
  BILLING_READ: 'scope:billing:read',
  BILLING_WRITE: 'scope:billing:write',
  ACCOUNTS_WRITE: 'scope:accounts:write',
} as const;

/** The scope names as integrators write them (`api-key create --scopes billing:write,...`). */
export const API_SCOPES = ['billing:read', 'billing:write', 'accounts:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type OperatorRole = 'OPERATOR' | 'ADMIN';

export interface OperatorPrincipal {
  operatorId: string;
  sessionId: string;
  loginId: string;
  displayName: string;
  role: OperatorRole;
}

export interface ApiKeyPrincipal {
  apiKeyId: string;
  name: string;
  scopes: readonly ApiScope[];
}
