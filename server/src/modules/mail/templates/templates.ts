import type { Lang } from '../../../i18n/messages';
import type { MailMessage, RenderContext, RenderedMail, SecurityNoticeKind } from './mail-template';

/**
 * Japanese and English mails following the guides' samples (guide 1-9, 4, 5 (8), 6 (8); Japanese
 * guide 9-1). Plain text: links stay clickable in every mail client and nothing is hidden in markup.
 */
const FOOTER: Record<Lang, string> = {
  ja: [
    '※本メールにお心当たりのない方は、お手数ですが、下記Webビリング受付担当までご連絡ください。',
    '※本メールはシステムより自動配信されています。',
    '※本メールに返信されましても、回答できませんのでご注意ください。',
    '',
    '■お問い合わせ窓口',
    'Webビリング受付担当',
    'フリーダイヤル 0800-333-0030',
    '受付時間 9:00～17:00',
    '月～金曜日（土日祝・年末年始を除く）',
  ].join('\n'),
  en: [
    '* If you did not request this, please call the Web Billing section below.',
    '* This mail was sent automatically. Replies to it cannot be answered.',
    '',
    'Contact: Web Billing section',
    'Toll-free 0800-333-0030',
    '9:00–17:00, Monday to Friday (closed on public holidays and from Dec 29 to Jan 3)',
  ].join('\n'),
};

function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));
}

const GREETING: Record<Lang, string> = {
  ja: 'いつもWebビリングをご利用いただき、誠にありがとうございます。',
  en: 'Thank you for using Web Billing.',
};

const NOTICE_TEXT: Record<SecurityNoticeKind, { ja: [string, string]; en: [string, string] }> = {
  PASSWORD_CHANGED: {
    ja: ['ログインパスワード変更のお知らせ', 'お客さまのログインパスワードが変更されました。'],
    en: ['Your password was changed', 'The password of your Web Billing account was changed.'],
  },
  ACCOUNT_LOCKED: {
    ja: [
      'ログインパスワードロックのお知らせ',
      'ログインパスワードの入力誤りが続いたため、ログインパスワードをロックしました。ログイン画面の「ログインID及びログインパスワードをお忘れの方」から再発行できます。',
    ],
    en: [
      'Your password was locked',
      'Your password was locked after repeated wrong attempts. You can reissue it from "Forgot your login ID or password?" on the login screen.',
    ],
  },
  REISSUE_EMAIL_CHANGED: {
    ja: [
      '再発行用メールアドレス変更のお知らせ',
      'ログインパスワード再発行用のメールアドレスが変更されました。今後、このアドレスには再発行のメールは届きません。',
    ],
    en: [
      'Your reissue email address was changed',
      'The email address for password reissue was changed. Reissue mails will no longer come to this address.',
    ],
  },
  REISSUE_EMAIL_DELETED: {
    ja: [
      '再発行用メールアドレス削除のお知らせ',
      'ログインパスワード再発行用のメールアドレスの登録が削除されました。',
    ],
    en: [
      'Your reissue email address was removed',
      'The email address for password reissue was removed from your account.',
    ],
  },
  REISSUE_BLOCKED: {
    ja: [
      'ログインパスワード再発行の受付停止のお知らせ',
      'ログインパスワード再発行のお申し込みで秘密の質問の回答などの誤りが続いたため、24時間、再発行の受け付けを停止しました。',
    ],
    en: [
      'Password reissue suspended',
      'Password reissue for your login ID was suspended for 24 hours after repeated wrong answers.',
    ],
  },
  CREDENTIALS_REISSUED_BY_POSTCARD: {
    ja: [
      'ログインID・ログインパスワード再発行（はがき）のお知らせ',
      'お申し出により、新しい初期ログインID・初期ログインパスワードをはがきでお送りします（1週間程度）。これまでのログインID・ログインパスワードはご利用いただけなくなりました。',
    ],
    en: [
      'New login credentials are on their way by post',
      'At your request, a new initial login ID and password are on their way to you by postcard (about a week). Your previous login ID and password no longer work.',
    ],
  },
  ACCOUNT_UNLOCKED: {
    ja: [
      'ログインパスワードのロック解除のお知らせ',
      'お申し出により、コールセンターでログインパスワードのロックを解除しました。',
    ],
    en: [
      'Your password lock was cleared',
      'At your request, the call centre cleared the lock on your login password.',
    ],
  },
  REISSUE_BLOCK_LIFTED: {
    ja: [
      'ログインパスワード再発行の受付再開のお知らせ',
      'お申し出により、コールセンターでログインパスワード再発行の受付停止を解除しました。',
    ],
    en: [
      'Password reissue is available again',
      'At your request, the call centre lifted the suspension of password reissue for your login ID.',
    ],
  },
  BILLING_NOTIFICATION_EMAIL_CHANGED: {
    ja: [
      'ご請求額お知らせメールの送信先変更のお知らせ',
      'ご請求額お知らせメールの送信先が別のメールアドレスに変更されました。今後このアドレスにはお知らせをお送りしません。',
    ],
    en: [
      'Billing notification mail now goes elsewhere',
      'The address for billing-amount notification mail was changed to another one; this address will no longer receive them.',
    ],
  },
  CONTACT_DETAILS_CHANGED: {
    ja: ['ご連絡先変更のお知らせ', '会員情報のご連絡先（電話番号・メールアドレス）が変更されました。'],
    en: [
      'Your contact details were changed',
      'The contact phone number or email address in your membership details was changed.',
    ],
  },
};

export function renderMail(message: MailMessage, ctx: RenderContext): RenderedMail {
  const { lang, publicUrl } = ctx;
  const loginUrl = `${publicUrl}/login`;
  switch (message.template) {
    case 'reissue-email-confirmation': {
      const link = `${publicUrl}/reissue-email/confirm#token=${message.secrets.token}`;
      const until = formatTime(message.params.expiresAt, lang);
      return lang === 'ja'
        ? {
            subject: '【Webビリング】再発行用メールアドレス登録のご確認',
            text: [
              GREETING.ja,
              '',
              'ログインパスワード再発行用メールアドレスの仮登録を受け付けました。',
              `次のURLへアクセスし、秘密の質問と回答を入力して登録を完了してください（${until}まで有効）。`,
              '',
              link,
              '',
              '有効期限を過ぎた場合は、お手数ですが、もう一度登録のお手続きをお願いいたします。',
              '',
              FOOTER.ja,
            ].join('\n'),
          }
        : {
            subject: '[Web Billing] Please confirm your email address for password reissue',
            text: [
              GREETING.en,
              '',
              'We received your email address for password reissue.',
              `Open the link below and enter your secret question and answer to complete the registration (valid until ${until}).`,
              '',
              link,
              '',
              'If the link has expired, please register again.',
              '',
              FOOTER.en,
            ].join('\n'),
          };
    }
    case 'reissue-email-registered':
      return lang === 'ja'
        ? {
            subject: '【Webビリング】再発行用メールアドレス登録完了のお知らせ',
            text: [
              GREETING.ja,
              '',
              'ログインパスワード再発行用メールアドレスと秘密の質問の登録が完了しました。',
              'ログインパスワードをお忘れの場合やロックされた場合は、このアドレスに新しいログインパスワードをお送りします。',
              '',
              FOOTER.ja,
            ].join('\n'),
          }
        : {
            subject: '[Web Billing] Your email address for password reissue is registered',
            text: [
              GREETING.en,
              '',
              'Your email address and secret question for password reissue are now registered.',
              'If you forget your password or it gets locked, a new password will be sent to this address.',
              '',
              FOOTER.en,
            ].join('\n'),
          };
    case 'reissued-password': {
      const until = formatTime(message.params.expiresAt, lang);
      return lang === 'ja'
        ? {
            subject: '【Webビリング】ログインパスワード再発行のお知らせ',
            text: [
              GREETING.ja,
              '',
              'お客様のログインパスワード再発行を行いました。',
              '',
              `新規ログインパスワード：${message.secrets.password}`,
              '',
              '以下のURLへアクセスいただき、再発行されたログインパスワードにてログインしてください。',
              `ログイン後、新しいログインパスワードへの変更をお願いします（${until}まで有効）。`,
              'このパスワードでログインするまでは、これまでのログインパスワードもご利用いただけます。お心当たりのない場合は、このメールを破棄してください。',
              '',
              `(Webビリングログイン画面) ${loginUrl}`,
              '',
              FOOTER.ja,
            ].join('\n'),
          }
        : {
            subject: '[Web Billing] Your login password was reissued',
            text: [
              GREETING.en,
              '',
              'Your login password was reissued.',
              '',
              `New password: ${message.secrets.password}`,
              '',
              `Log in with it at the address below, then choose a new password (valid until ${until}).`,
              'Until you log in with it, your current password keeps working. If you did not ask for this, ignore this mail.',
              '',
              `(Web Billing login) ${loginUrl}`,
              '',
              FOOTER.en,
            ].join('\n'),
          };
    }
    case 'billing-notification-confirmation': {
      const link = `${publicUrl}/billing-notification/confirm#token=${message.secrets.token}`;
      const until = formatTime(message.params.expiresAt, lang);
      return lang === 'ja'
        ? {
            subject: '【Webビリング】「ご請求額お知らせメール」仮登録完了のお知らせ',
            text: [
              '「ご請求額お知らせメール」の仮登録が完了いたしました。',
              '本サービスをご利用される場合は、次のURLの受付サイトから本登録処理を行ってください。',
              '',
              link,
              '',
              `※メール本文中のURLを仮登録完了から24時間以内（${until}まで）にクリックしてください。`,
              '本登録が完了していない場合、本サービスがご利用いただけませんのでご注意願います。',
              '（サービス提供が不要な場合は登録しないでください。）',
              '※このメールへの返信は出来ません。',
            ].join('\n'),
          }
        : {
            subject: '[Web Billing] Temporary registration for billing amount notices',
            text: [
              'Your address is temporarily registered for billing amount notices.',
              'To use the service, complete the formal registration at the address below.',
              '',
              link,
              '',
              `* Please open the link within 24 hours of the temporary registration (until ${until}).`,
              'Without the formal registration the service cannot be used. If you do not need it, do not register.',
              '* Replies to this mail cannot be answered.',
            ].join('\n'),
          };
    }
    case 'billing-notification-registered':
      return lang === 'ja'
        ? {
            subject: '【Webビリング】「ご請求額お知らせメール」本登録完了のお知らせ',
            text: [
              '「ご請求額お知らせメール」の本登録が完了いたしました。',
              '毎月、ご請求額の確定後、お支払期限の2週間前にご請求額をお知らせします。',
              '※このメールへの返信は出来ません。',
            ].join('\n'),
          }
        : {
            subject: '[Web Billing] Billing amount notices: registration complete',
            text: [
              'Your formal registration for billing amount notices is complete.',
              'Each month, once the amount is confirmed, it will be mailed two weeks before the due date.',
              '* Replies to this mail cannot be answered.',
            ].join('\n'),
          };
    case 'billing-amount': {
      const { billingMonth, billingAmount, dueDate } = message.params;
      const [y, m] = billingMonth.split('-').map(Number);
      const [dy, dm, dd] = dueDate.split('-').map(Number);
      const yen = new Intl.NumberFormat('ja-JP').format(billingAmount);
      return lang === 'ja'
        ? {
            subject: `【Webビリング】${y}年${m}月分 ご請求額のお知らせ`,
            text: [
              GREETING.ja,
              '',
              `${y}年${m}月分のご請求額をお知らせします。`,
              '',
              `ご請求額：${yen}円`,
              `お支払期限：${dy}年${dm}月${dd}日`,
              '',
              `ご請求内容の詳細はWebビリングでご確認ください。 ${loginUrl}`,
              '',
              FOOTER.ja,
            ].join('\n'),
          }
        : {
            subject: `[Web Billing] Your bill for ${billingMonth}`,
            text: [
              GREETING.en,
              '',
              `Your billing amount for ${billingMonth}: ¥${yen}`,
              `Due date: ${dueDate}`,
              '',
              `See the details on Web Billing: ${loginUrl}`,
              '',
              FOOTER.en,
            ].join('\n'),
          };
    }
    case 'payment-receipt': {
      const { billingMonth, amount, paidAt, method, cardBrand, cardLast4 } = message.params;
      const [y, m] = billingMonth.split('-').map(Number);
      const yen = new Intl.NumberFormat('ja-JP').format(amount);
      const at = formatTime(paidAt, lang);
      const card = cardBrand && cardLast4 ? `${cardBrand} **** ${cardLast4}` : null;
      const how =
        method === 'CARD'
          ? lang === 'ja'
            ? `クレジットカード${card ? `（${card}）` : ''}`
            : `Credit card${card ? ` (${card})` : ''}`
          : method === 'PAYEASY'
            ? lang === 'ja'
              ? 'Pay-easy（ペイジー）'
              : 'Pay-easy'
            : lang === 'ja'
              ? 'その他（振込・窓口など）'
              : 'Other (bank transfer, counter, etc.)';
      return lang === 'ja'
        ? {
            subject: `【Webビリング】${y}年${m}月分 お支払い受付のお知らせ`,
            text: [
              GREETING.ja,
              '',
              `${y}年${m}月分のご請求について、お支払いを受け付けました。`,
              '',
              `お支払額：${yen}円`,
              `お支払日時：${at}`,
              `お支払方法：${how}`,
              '',
              `お支払状況はWebビリングでご確認いただけます。 ${loginUrl}`,
              '',
              FOOTER.ja,
            ].join('\n'),
          }
        : {
            subject: `[Web Billing] Payment received for ${billingMonth}`,
            text: [
              GREETING.en,
              '',
              `We have received your payment for the ${billingMonth} bill.`,
              '',
              `Amount: ¥${yen}`,
              `Paid at: ${at}`,
              `Method: ${how}`,
              '',
              `See your bills on Web Billing: ${loginUrl}`,
              '',
              FOOTER.en,
            ].join('\n'),
          };
    }
    case 'security-notice': {
      const [title, body] = NOTICE_TEXT[message.params.kind][lang];
      const at = formatTime(message.params.at, lang);
      return lang === 'ja'
        ? {
            subject: `【Webビリング】${title}`,
            text: [GREETING.ja, '', body, `日時：${at}`, '', `ログイン画面：${loginUrl}`, '', FOOTER.ja].join(
              '\n',
            ),
          }
        : {
            subject: `[Web Billing] ${title}`,
            text: [GREETING.en, '', body, `Time: ${at}`, '', `Login: ${loginUrl}`, '', FOOTER.en].join('\n'),
          };
    }
  }
}
