import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';

/**
 * Development only (never registered in production): the local mailbox folder as JSON, so the PWA's
 * /dev/mailbox page can list mails and a newcomer can click the links in them (SPEC §5).
 */
export function registerDevMailbox(app: FastifyInstance, dir: string): void {
  const parse = async (id: string) => {
    const mail = await simpleParser(await readFile(path.join(dir, id)));
    return {
      id,
      from: mail.from?.text ?? '',
      to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? ''),
      subject: mail.subject ?? '',
      date: mail.date?.toISOString() ?? null,
      text: mail.text ?? '',
    };
  };

  app.get('/dev/mailbox/messages', async () => {
    const files = await readdir(dir).catch(() => [] as string[]);
    const names = files
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse()
      .slice(0, 200);
    return Promise.all(
      names.map(async (id) => {
        const { text: _text, ...headers } = await parse(id);
        return headers;
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/dev/mailbox/messages/:id', async (request, reply) => {
    const { id } = request.params;
    // File names only: no path traversal out of the mailbox folder.
    if (!/^[\w.-]+\.eml$/.test(id)) return reply.code(400).send({ error: 'bad id' });
    try {
      return await parse(id);
    } catch {
      return reply.code(404).send({ error: 'Not Found' });
    }
  });
}
