import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  raw: ParsedMail;
}

/** A real SMTP server (smtp-server) on loopback that keeps every mail it accepts. Stoppable and restartable on the same port. */
export class SmtpSink {
  readonly mails: CapturedMail[] = [];
  /** Called before waitFor gives up (tests use it to print diagnostics). */
  onTimeout?: () => void;
  /** Called with each mail once it is kept, before the sender is told it was accepted. */
  onReceived?: (mail: CapturedMail) => void;
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const captured = {
              to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? ''),
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              raw: mail,
            };
            this.mails.push(captured);
            this.onReceived?.(captured);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until a mail to `to` matching `subject` arrives (mails already consumed are skipped). */
  async waitFor(to: string, subject: RegExp, timeoutMs = 30_000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const mail = this.mails.find((m) => m.to.includes(to) && subject.test(m.subject));
      if (mail) return mail;
      await new Promise((r) => setTimeout(r, 100));
    }
    this.onTimeout?.();
    throw new Error(
      `no mail to ${to} matching ${subject} within ${timeoutMs} ms; got: ${this.mails.map((m) => `${m.to} ${m.subject}`).join(' | ')}`,
    );
  }

  count(to: string, subject?: RegExp): number {
    return this.mails.filter((m) => m.to.includes(to) && (!subject || subject.test(m.subject))).length;
  }
}
