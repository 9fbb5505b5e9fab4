import QRCode from 'qrcode';
import type { PrintablePostcard } from './postcard.service';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * The print CSS: one Japanese postcard (100 × 148 mm) per page, no margins from the browser, and the
 * toolbar left off paper. Monospace credentials, so 0/O and 1/l cannot be misread (the generators
 * avoid look-alikes too, SPEC §2.1).
 */
const STYLE = `
@page { size: 100mm 148mm; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif; color: #000; }
.toolbar { padding: 12px; background: #eef2f7; border-bottom: 1px solid #c8d0da; font-size: 14px; }
.toolbar button { font-size: 14px; padding: 6px 16px; }
.card { width: 100mm; height: 148mm; padding: 8mm 7mm; page-break-after: always; break-after: page; overflow: hidden; position: relative; }
.card:last-child { page-break-after: auto; break-after: auto; }
.address { font-size: 10pt; line-height: 1.5; min-height: 22mm; white-space: pre-wrap; }
.holder { font-size: 14pt; margin: 2mm 0 5mm; }
h1 { font-size: 11pt; margin: 0 0 3mm; border-bottom: 0.4mm solid #000; padding-bottom: 1mm; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 1.5mm 3mm; margin: 0 0 4mm; font-size: 9pt; }
dt { font-weight: bold; }
dd { margin: 0; }
.secret { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 14pt; letter-spacing: 0.08em; }
.login { display: flex; gap: 4mm; align-items: center; font-size: 8pt; }
.login svg { width: 26mm; height: 26mm; flex: none; }
.url { word-break: break-all; font-family: monospace; }
.note { font-size: 7pt; line-height: 1.4; margin-top: 3mm; }
.empty { padding: 24px; font-size: 16px; }
@media screen { .card { margin: 12px auto; border: 1px dashed #999; background: #fff; } body { background: #f4f4f4; } }
@media print { .toolbar { display: none; } }
`;

/** The printable sheet: HTML whose only style and script carry the response's CSP nonce. */
export async function renderPostcardSheet(
  cards: readonly PrintablePostcard[],
  loginUrl: string,
  nonce: string,
): Promise<string> {
  const qr = await QRCode.toString(loginUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const url = escapeHtml(loginUrl);
  const pages = cards.map(
    (card) => `<section class="card" data-postcard-id="${escapeHtml(card.id)}">
  <div class="address">${escapeHtml(card.postalAddress)}</div>
  <div class="holder">${escapeHtml(card.holderName)} 様</div>
  <h1>Webビリング 初回ログインのご案内${card.kind === 'REISSUE' ? '（再発行）' : ''}</h1>
  <dl>
    <dt>お客さま番号</dt><dd>${escapeHtml(card.customerNumber)}</dd>
    <dt>初期ログインID</dt><dd class="secret">${escapeHtml(card.initialLoginId)}</dd>
    <dt>初期ログインパスワード</dt><dd class="secret">${escapeHtml(card.initialPassword)}</dd>
  </dl>
  <div class="login">${qr}<div>ログインはこちらから<br><span class="url">${url}</span></div></div>
  <p class="note">初回ログイン後、ログインID・ログインパスワードをお客さまご自身のものに変更してください。このはがきは他人に見られないよう大切に保管してください。${
    card.kind === 'REISSUE' ? 'これまでのログインID・ログインパスワードはご利用いただけません。' : ''
  }</p>
</section>`,
  );
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>Webビリング はがき印刷 (${cards.length})</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<div class="toolbar"><button type="button" id="print">印刷 / Print</button> ${cards.length} 枚 — 100 × 148 mm</div>
${pages.length > 0 ? pages.join('\n') : '<p class="empty">印刷待ちのはがきはありません。 / No postcards waiting to be printed.</p>'}
<script nonce="${nonce}">document.getElementById('print').addEventListener('click', function () { window.print(); });</script>
</body>
</html>`;
}

/** One CSV cell: quoted, and a leading formula character defused so a spreadsheet shows it as text. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const POSTCARD_CSV_HEADER = [
  'postcard_id',
  'kind',
  'customer_number',
  'holder_name',
  'postal_address',
  'initial_login_id',
  'initial_password',
  'login_url',
];

/** For a mail house: RFC 4180 (CRLF), UTF-8 with a BOM so spreadsheet software reads Japanese right. */
export function renderPostcardCsv(cards: readonly PrintablePostcard[], loginUrl: string): string {
  const rows = cards.map((card) =>
    [
      card.id,
      card.kind,
      card.customerNumber,
      card.holderName,
      card.postalAddress,
      card.initialLoginId,
      card.initialPassword,
      loginUrl,
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[POSTCARD_CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
