import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../db/availability';
import { type Lang, langFromAcceptLanguage, message } from '../../i18n/messages';
import { RequiredAction } from '../../shared/required-action';
import type { AuthenticatedSession } from '../../shared/session';
import type { SessionService } from '../auth/session.service';
import { readSessionToken, writeSessionExpiry } from '../auth/session-transport';
import type { DocumentOutcome, DocumentReader, DocumentsService, PeriodOutcome } from './documents.service';

export const DOCUMENTS_PATH = '/documents/';

/**
 * Document answers are files or JSON errors, never pages: the API's headers, without a content
 * security policy (one that names `object-src` or `frame-ancestors` can keep a browser's own PDF
 * viewer from opening the file; a PDF or CSV runs no script of ours to protect). Personal data: no
 * cache anywhere (`private, no-store`), never sniffed as HTML, never read cross-origin.
 */
export function documentHeaders(https: boolean): [string, string][] {
  return Object.entries({
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

/**
 * Bounds on the work documents cause: a PDF is ~50–150 ms of CPU on the event loop, a CSV holds a
 * database connection while it streams. One account gets at most PER_ACCOUNT at once (a double click
 * is fine; the next gets 429 with Retry-After), the process at most IN_PROCESS (then 503): however
 * many requests arrive, no more than these render or stream. In-process counts: they protect this
 * instance's CPU and pool, which is what they bound.
 */
const PER_ACCOUNT = 2;
const IN_PROCESS = 8;
const RETRY_AFTER_SECONDS = 1;

class InFlight {
  private readonly byAccount = new Map<string, number>();
  private total = 0;

  /** A release function, or why not: this account's or this process's documents at their limit. */
  enter(accountId: string): (() => void) | 'account' | 'process' {
    const mine = this.byAccount.get(accountId) ?? 0;
    if (mine >= PER_ACCOUNT) return 'account';
    if (this.total >= IN_PROCESS) return 'process';
    this.byAccount.set(accountId, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byAccount.get(accountId) ?? 1) - 1;
      if (left > 0) this.byAccount.set(accountId, left);
      else this.byAccount.delete(accountId);
    };
  }
}

/** The JSON error every document route answers with, worded in the caller's language. */
function fail(reply: FastifyReply, status: number, code: string, lang: Lang): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message: message(lang, code) } });
}

/** `attachment`/`inline` with an ASCII name for old clients and the UTF-8 one (RFC 6266, RFC 5987). */
function disposition(kind: 'inline' | 'attachment', ascii: string, utf8: string): string {
  const encoded = encodeURIComponent(utf8).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const MONTH_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.pdf$/;
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
/** `2026-05` → `2026年05月` for Japanese file names. */
const jaMonth = (month: string) => `${month.slice(0, 4)}年${month.slice(5)}月`;

/**
 * The subscriber's documents (issue 16), for a signed-in subscriber only: the session cookie the PWA
 * holds, or the session's bearer token (`wbs_…`), resolved exactly as for /graphql. Integrators' API
 * keys are not admitted: they read figures through GraphQL, and a document is the account holder's.
 * The session is checked before anything of the request is parsed or read; a month that is not the
 * account's, out of the window, or a bill without a receipt is a 404 JSON error like a month with no
 * bill (nothing tells another account's months apart from months that do not exist).
 */
export function registerDocumentRoutes(
  app: FastifyInstance,
  services: { clock: Clock; sessions: SessionService; documents: DocumentsService },
): void {
  const inFlight = new InFlight();

  type Handler = (
    reader: DocumentReader,
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
  ) => Promise<unknown>;

  // No automatic HEAD: it would render (and audit) a document only to send its headers.
  const route = (path: string, handler: Handler) =>
    app.get(path, { exposeHeadRoute: false }, async (request, reply) => {
      const lang = langFromAcceptLanguage(request.headers['accept-language']);
      let release: (() => void) | null = null;
      try {
        const session = await authenticate(request, reply, lang);
        if (!session) return reply;
        const entered = inFlight.enter(session.billingAccountId);
        if (entered === 'account' || entered === 'process') {
          reply.header('retry-after', String(RETRY_AFTER_SECONDS));
          return entered === 'account'
            ? fail(reply, 429, 'DOCUMENTS_BUSY', lang)
            : fail(reply, 503, 'DOCUMENTS_SERVER_BUSY', lang);
        }
        release = entered;
        // Released when the answer is written or the connection drops (a CSV streams after this returns).
        reply.raw.once('close', entered);
        return await handler({ session, clientAddress: request.ip }, request, reply, lang);
      } catch (error) {
        release?.();
        if (reply.sent) throw error;
        if (isDatabaseUnavailable(error)) {
          request.log.warn({ err: error }, 'database unreachable');
          reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          return fail(reply, 503, 'SERVICE_UNAVAILABLE', lang);
        }
        request.log.error({ err: error }, 'document failed');
        return fail(reply, 500, 'INTERNAL_SERVER_ERROR', lang);
      }
    });

  async function authenticate(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
  ): Promise<AuthenticatedSession | null> {
    const presented = readSessionToken(request);
    const session = presented ? await services.sessions.resolve(presented.token) : null;
    if (!session) {
      fail(reply, 401, 'UNAUTHENTICATED', lang);
      return null;
    }
    writeSessionExpiry(reply, session.idleExpiresAt, services.clock.now());
    if (session.requiredAction !== RequiredAction.NONE) {
      fail(reply, 403, 'CREDENTIAL_CHANGE_REQUIRED', lang);
      return null;
    }
    return session;
  }

  /** A PDF, or the outcome's JSON error. */
  const pdf = (
    reply: FastifyReply,
    lang: Lang,
    outcome: DocumentOutcome<Buffer> | PeriodOutcome<Buffer>,
    names: { ascii: string; ja: string },
  ) => {
    if (outcome.kind === 'invalid') return fail(reply, 400, outcome.code, lang);
    if (outcome.kind === 'missing') return fail(reply, 404, outcome.code, lang);
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        disposition('inline', names.ascii, lang === 'ja' ? names.ja : names.ascii),
      )
      .send(outcome.value);
  };

  route(`${DOCUMENTS_PATH}bills/:file`, async (reader, request, reply, lang) => {
    const month = MONTH_FILE.exec((request.params as { file: string }).file)?.[1];
    if (!month) return fail(reply, 404, 'DOCUMENT_NOT_FOUND', lang);
    return pdf(reply, lang, await services.documents.billPdf(reader, month), {
      ascii: `invoice-${month}.pdf`,
      ja: `請求書_${jaMonth(month)}.pdf`,
    });
  });

  route(`${DOCUMENTS_PATH}receipts/:file`, async (reader, request, reply, lang) => {
    const month = MONTH_FILE.exec((request.params as { file: string }).file)?.[1];
    if (!month) return fail(reply, 404, 'DOCUMENT_NOT_FOUND', lang);
    return pdf(reply, lang, await services.documents.receiptPdf(reader, month), {
      ascii: `receipt-${month}.pdf`,
      ja: `領収書_${jaMonth(month)}.pdf`,
    });
  });

  route(`${DOCUMENTS_PATH}certificates/payments.pdf`, async (reader, request, reply, lang) => {
    const query = request.query as { from?: unknown; to?: unknown };
    const from = typeof query.from === 'string' ? query.from : undefined;
    const to = typeof query.to === 'string' ? query.to : undefined;
    return pdf(reply, lang, await services.documents.paymentCertificatePdf(reader, from, to), {
      ascii: `payment-certificate-${from}_${to}.pdf`,
      ja: `料金支払証明書_${jaMonth(from ?? '')}-${jaMonth(to ?? '')}.pdf`,
    });
  });

  route(`${DOCUMENTS_PATH}bills/:month/breakdown.csv`, async (reader, request, reply, lang) => {
    const month = (request.params as { month: string }).month;
    if (!MONTH.test(month)) return fail(reply, 404, 'DOCUMENT_NOT_FOUND', lang);
    const outcome = await services.documents.breakdownCsv(reader, month);
    if (outcome.kind === 'missing') return fail(reply, 404, outcome.code, lang);
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header(
        'content-disposition',
        disposition(
          'attachment',
          `breakdown-${month}.csv`,
          lang === 'ja' ? `ご請求内訳_${jaMonth(month)}.csv` : `breakdown-${month}.csv`,
        ),
      )
      .send(Readable.from(outcome.value));
  });
}
