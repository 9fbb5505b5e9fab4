import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** `<outbox id@domain>`: a mail sent again (after a crash, or from the console) is the same message. */
  messageId: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** SMTP through nodemailer when SMTP_URL is set (SPEC §5). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 5,
    // Fail fast: a down server is retried by the queue with back-off, not by holding a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as SMTPPool.Options);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * Without SMTP, mails become `.eml` files in a local folder that the development mailbox page lists,
 * so a newcomer can click the links (SPEC §5). The files are real RFC 5322 messages built by nodemailer.
 */
export function mailboxTransport(dir: string): MailTransport {
  mkdirSync(dir, { recursive: true });
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'mailbox',
    async send(mail) {
      const info = await builder.sendMail(mail);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`;
      writeFileSync(path.join(dir, name), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => builder.close(),
  };
}
