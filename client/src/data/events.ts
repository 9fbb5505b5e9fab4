// Cross-cutting auth events raised by the client's auth-error exchange (client.ts) and handled by the app shell.
export type AuthEvent = 'UNAUTHENTICATED' | 'CREDENTIAL_CHANGE_REQUIRED';
type Handler = (event: AuthEvent) => void;

const handlers = new Set<Handler>();

export function onAuthEvent(handler: Handler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}

export function emitAuthEvent(event: AuthEvent): void {
  for (const h of handlers) h(event);
}
