// The token of a mail link (`…/reissue-email/confirm#token=…`). It travels in the URL fragment so
// it never reaches a server log or a Referer; it is read once, kept in memory only, and removed
// from the address bar (and thereby from the history entry) at once.
let token: string | null = null;

/** Reads `#token=` from the address bar (if present), strips it, and returns the token seen so far. */
export function takeLinkToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (hash) {
    const found = new URLSearchParams(hash).get('token');
    if (found) {
      token = found;
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }
  return token;
}

/** Forgets the token (after it has been used successfully). */
export function clearLinkToken(): void {
  token = null;
}
