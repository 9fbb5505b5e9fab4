/**
 * A GraphQL-over-HTTP client that behaves like one browser: it keeps the session cookie the server
 * sets (or a bearer token), and sends a language.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on response shapes directly
export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  status: number;
  headers: Headers;
}

export class Browser {
  cookie: string | null = null;
  bearer: string | null = null;

  constructor(
    private readonly baseUrl: string,
    public lang: 'ja' | 'en' = 'en',
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: tests assert on response shapes directly
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': this.lang,
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = pair.split('=');
      if (name === 'wb_session') this.cookie = value ? `${name}=${value}` : null;
    }
    const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { ...body, status: res.status, headers: res.headers };
  }
}

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on LoginSuccess { requiredAction sessionToken sessionExpiresAt viewer { loginId requiredAction customerNumber registeredPhoneNumber holderName } }
    ... on UserError { code message }
    ... on FieldErrors { errors { field code message } }
  }
}`;

export const ME = '{ me { loginId requiredAction customerNumber registeredPhoneNumber holderName } }';

export const LOGOUT = 'mutation { logout }';

export const CHANGE_INITIAL = `mutation Change($input: ChangeInitialCredentialsInput!) {
  changeInitialCredentials(input: $input) {
    __typename
    ... on CredentialsChanged { sessionToken viewer { loginId requiredAction } }
    ... on FieldErrors { code message errors { field code message } }
  }
}`;

export const CHANGE_PASSWORD = `mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    __typename
    ... on CredentialsChanged { sessionToken viewer { loginId requiredAction } }
    ... on FieldErrors { code message errors { field code message } }
  }
}`;

/** `field:code` pairs of a FieldErrors result, for readable assertions. */
export function issuesOf(result: { errors?: { field: string; code: string }[] }): string[] {
  return (result.errors ?? []).map((e) => `${e.field}:${e.code}`);
}
