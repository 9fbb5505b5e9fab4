import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { OperatorPrincipal } from '../../graphql/roles';
import { readOperatorToken } from '../auth/session-transport';
import type { OperatorAuthService } from './operator-auth.service';
import type { PostcardService } from './postcard.service';
import { renderPostcardCsv, renderPostcardSheet } from './postcard-sheet';

/** The only responses that carry initial credentials: never cached, never framed, never indexed. */
function sensitive(reply: FastifyReply): FastifyReply {
  return reply
    .header('Cache-Control', 'no-store')
    .header('Pragma', 'no-cache')
    .header('X-Robots-Tag', 'noindex')
    .header('Referrer-Policy', 'no-referrer');
}

function idsOf(request: FastifyRequest): string[] | null {
  // `?ids=a,b` or `?ids=a&ids=b` (the query parser makes the latter an array).
  const given = (request.query as { ids?: string | string[] }).ids;
  const raw = Array.isArray(given) ? given.join(',') : given;
  if (!raw?.trim()) return null;
  return raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, 1000);
}

/**
 * The postcard print run (SPEC §2.2 step 1): a printable HTML sheet and a CSV for a mail house, for a
 * signed-in operator only (the console's cookie or a bearer token). Without `ids`, the whole queue.
 */
export function registerPostcardRoutes(
  app: FastifyInstance,
  services: {
    config: Pick<Config, 'publicUrl'>;
    clock: Clock;
    operatorAuth: OperatorAuthService;
    postcards: PostcardService;
  },
): void {
  const loginUrl = `${services.config.publicUrl}/login`;

  const authenticate = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<OperatorPrincipal | null> => {
    const token = readOperatorToken(request);
    const operator = token ? await services.operatorAuth.resolve(token) : null;
    if (!operator) {
      await reply.code(401).header('Cache-Control', 'no-store').send({ error: 'Unauthorized' });
      return null;
    }
    return operator;
  };

  app.get('/ops/postcards/sheet', async (request, reply) => {
    const operator = await authenticate(request, reply);
    if (!operator) return reply;
    const cards = await services.postcards.takeForPrint(idsOf(request), 'print', {
      operatorId: operator.operatorId,
      clientAddress: request.ip,
    });
    // This page's own policy: its one <style> and one <script> run by nonce, nothing else loads.
    const nonce = randomBytes(16).toString('base64');
    const html = await renderPostcardSheet(cards, loginUrl, nonce);
    return sensitive(reply)
      .header(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      )
      .type('text/html; charset=utf-8')
      .send(html);
  });

  app.get('/ops/postcards/export.csv', async (request, reply) => {
    const operator = await authenticate(request, reply);
    if (!operator) return reply;
    const cards = await services.postcards.takeForPrint(idsOf(request), 'export', {
      operatorId: operator.operatorId,
      clientAddress: request.ip,
    });
    const stamp = services.clock.now().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    return sensitive(reply)
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="postcards-${stamp}.csv"`)
      .send(renderPostcardCsv(cards, loginUrl));
  });
}
