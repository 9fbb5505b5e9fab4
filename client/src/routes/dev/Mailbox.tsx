import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { errorMessage } from '../../data/errors';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

/** Development only: the server's local mailbox folder (SPEC §5); 404 in production. */
interface MailHeader {
  id: string;
  from: string;
  to: string;
  subject: string;
  date: string | null;
}
interface Mail extends MailHeader {
  text: string;
}

class Unavailable extends Error {}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (res.status === 404 && url.endsWith('/messages')) throw new Unavailable('404');
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

// ASCII URL characters only: a URL followed directly by Japanese text ends where the text starts.
const URL_RE = /\bhttps?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

/** Plain text with every http(s) URL made a link; nothing is parsed as HTML. */
export function linkify(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const trailing = /[.,;:!?)\]]+$/.exec(url);
    if (trailing) url = url.slice(0, -trailing[0].length);
    const start = m.index ?? 0;
    let valid = false;
    try {
      const parsed = new URL(url);
      valid = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      valid = false;
    }
    if (!valid) continue;
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <a key={`${start}`} href={url} rel="noopener noreferrer">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function MailboxPage() {
  const { t, lang } = useI18n();
  const [list, setList] = useState<MailHeader[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<Mail | null>(null);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) {
        setLoading(true);
        setErrors([]);
      }
      try {
        setList(await getJson<MailHeader[]>('/dev/mailbox/messages'));
      } catch (err) {
        if (err instanceof Unavailable) setUnavailable(true);
        else if (!quiet) setErrors([errorMessage(err, t)]);
      } finally {
        if (!quiet) setLoading(false);
      }
    },
    [t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // Mails are delivered by a background worker: keep the list fresh while it is shown.
  const listing = !open && !unavailable;
  useEffect(() => {
    if (!listing) return;
    const timer = window.setInterval(() => void load(true), 5000);
    return () => window.clearInterval(timer);
  }, [listing, load]);

  const show = async (id: string) => {
    setErrors([]);
    try {
      setOpen(await getJson<Mail>(`/dev/mailbox/messages/${encodeURIComponent(id)}`));
    } catch (err) {
      setErrors([errorMessage(err, t)]);
    }
  };

  if (unavailable) {
    return (
      <Layout title={t('mailboxTitle')}>
        <p class="alert alert--info" data-testid="mailbox-unavailable">
          {t('mailboxUnavailable')}
        </p>
      </Layout>
    );
  }

  if (open) {
    return (
      <Layout title={open.subject || t('mailNoSubject')}>
        <FormErrors messages={errors} />
        <dl class="props card" data-testid="mailbox-headers">
          <div>
            <dt>{t('mailFrom')}</dt>
            <dd>{open.from}</dd>
          </div>
          <div>
            <dt>{t('mailTo')}</dt>
            <dd>{open.to}</dd>
          </div>
          <div>
            <dt>{t('mailDate')}</dt>
            <dd>{formatDateTime(open.date, lang)}</dd>
          </div>
        </dl>
        <pre class="mail-body" data-testid="mailbox-body">
          {linkify(open.text)}
        </pre>
        <div class="actions">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setOpen(null)}
            data-testid="mailbox-back"
          >
            {t('mailboxBack')}
          </button>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={t('mailboxTitle')}>
      <p class="lead">{t('mailboxLead')}</p>
      <FormErrors messages={errors} />
      <div class="actions">
        <BusyButton
          type="button"
          class="button button--secondary"
          onClick={() => void load()}
          busy={loading}
          data-testid="mailbox-refresh"
        >
          {t('retry')}
        </BusyButton>
      </div>
      {list === null ? (
        <p class="loading" role="status" aria-live="polite">
          {t('loading')}
        </p>
      ) : list.length === 0 ? (
        <p class="note" data-testid="mailbox-empty">
          {t('mailboxEmpty')}
        </p>
      ) : (
        <ul class="menu mailbox" data-testid="mailbox-list">
          {list.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                class="mailbox__item"
                onClick={() => void show(m.id)}
                data-testid="mailbox-item"
              >
                <span class="mailbox__subject">{m.subject || t('mailNoSubject')}</span>
                <span class="mailbox__meta">
                  <span class="visually-hidden">{t('mailTo')}: </span>
                  {m.to}
                </span>
                <span class="mailbox__meta">
                  <span class="visually-hidden">{t('mailDate')}: </span>
                  {formatDateTime(m.date, lang)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
