import { ALLOWED_SYMBOLS } from '../shared/identifiers';

export type Lang = 'ja' | 'en';

/** Japanese by default (SPEC §7); English when the client's first preference is English. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

/**
 * Reference data (carrier and service names) in the request's language: its English name when it has
 * one, else the Japanese name in both languages.
 */
export const localName = (lang: Lang, ja: string, en: string | null | undefined): string =>
  lang === 'en' && en ? en : ja;

const CALL_CENTRE_JA = 'Webビリング受付担当（0800-333-0030、平日9:00～17:00）';
const CALL_CENTRE_EN = 'the Web Billing call centre (0800-333-0030, weekdays 9:00–17:00)';
const SYMBOLS_SPACED = [...ALLOWED_SYMBOLS].join(' ');

/**
 * Every message the server sends, by stable code. Clients may show `message` as it is: it is already
 * in the language the request asked for.
 */
const catalogue: Record<string, { ja: string; en: string }> = {
  // Form validation
  VALIDATION_FAILED: { ja: '入力内容をご確認ください。', en: 'Please check the highlighted fields.' },
  REQUIRED: { ja: '入力してください。', en: 'This field is required.' },
  LOGIN_ID_TOO_SHORT: {
    ja: 'ログインIDは5文字以上で入力してください。',
    en: 'The login ID must be at least 5 characters.',
  },
  LOGIN_ID_TOO_LONG: {
    ja: 'ログインIDは31文字以内で入力してください。',
    en: 'The login ID must be at most 31 characters.',
  },
  LOGIN_ID_INVALID_CHARACTERS: {
    ja: `ログインIDに使用できるのは半角英数字と記号（${SYMBOLS_SPACED}）です。`,
    en: `A login ID may contain only one-byte letters, digits and these symbols: ${SYMBOLS_SPACED}`,
  },
  LOGIN_ID_NEEDS_LETTER_AND_DIGIT: {
    ja: 'ログインIDには英字と数字を両方含めてください（数字のみ・英字のみは不可）。',
    en: 'The login ID must contain both letters and digits.',
  },
  LOGIN_ID_TAKEN: {
    ja: 'このログインIDは他のお客さまが使用しています。別のIDを入力してください。',
    en: 'This login ID is already used by another customer. Please choose another.',
  },
  LOGIN_ID_EQUALS_PASSWORD: {
    ja: 'ログインIDは新しいログインパスワードと異なる文字列にしてください。',
    en: 'The login ID must differ from the new password.',
  },
  LOGIN_ID_CONFIRMATION_MISMATCH: {
    ja: '確認用のログインIDが一致しません。',
    en: 'The login ID confirmation does not match.',
  },
  PASSWORD_TOO_SHORT: {
    ja: 'ログインパスワードは8文字以上で入力してください。',
    en: 'The password must be at least 8 characters.',
  },
  PASSWORD_TOO_LONG: {
    ja: 'ログインパスワードは32文字以内で入力してください。',
    en: 'The password must be at most 32 characters.',
  },
  PASSWORD_FULL_WIDTH: {
    ja: `全角文字は使用できません。半角英数字と記号（${SYMBOLS_SPACED}）で入力してください。`,
    en: `Full-width characters cannot be used. Use one-byte letters, digits and these symbols: ${SYMBOLS_SPACED}`,
  },
  PASSWORD_INVALID_CHARACTERS: {
    ja: `ログインパスワードに使用できるのは半角英数字と記号（${SYMBOLS_SPACED}）です。`,
    en: `A password may contain only one-byte letters, digits and these symbols: ${SYMBOLS_SPACED}`,
  },
  PASSWORD_TOO_FEW_CHARACTER_CLASSES: {
    ja: '英大文字、英小文字、数字、記号の4種のうち3種以上を混在させてください。',
    en: 'Use at least three of: upper-case letters, lower-case letters, digits, symbols.',
  },
  PASSWORD_CONTAINS_LOGIN_ID: {
    ja: 'ログインパスワードにログインIDと同じ文字列を含めることはできません。',
    en: 'The password must not contain the login ID.',
  },
  PASSWORD_RECENTLY_USED: {
    ja: '現在のログインパスワードを含めて過去3回以内に使用したパスワードは使用できません。',
    en: 'The password must not be one of your last three passwords, the current one included.',
  },
  PASSWORD_TOO_COMMON: {
    ja: 'このパスワードはよく使われていて推測されやすいため使用できません。',
    en: 'This password is too common and easy to guess. Please choose another.',
  },
  PASSWORD_CONFIRMATION_MISMATCH: {
    ja: '確認用のログインパスワードが一致しません。',
    en: 'The password confirmation does not match.',
  },
  INITIAL_CREDENTIALS_WRONG: {
    ja: '初期ログインIDまたは初期ログインパスワードが正しくありません。はがきに記載のものを入力してください。',
    en: 'The initial login ID or initial password is wrong. Enter the ones printed on the postcard.',
  },
  CURRENT_PASSWORD_WRONG: {
    ja: '現在のログインパスワードが正しくありません。',
    en: 'The current password is wrong.',
  },
  PASSWORD_LOCKED: {
    ja: `現在のログインパスワードを連続して間違えたため、ログインパスワードがロックされ、ログアウトしました。「ログインID及びログインパスワードをお忘れの方」から再発行するか、${CALL_CENTRE_JA}までご連絡ください。`,
    en: `The current password was wrong too many times in a row: your password is locked and you have been signed out. Reissue it from "Forgot your login ID or password?", or call ${CALL_CENTRE_EN}.`,
  },
  EMAIL_INVALID: {
    ja: 'メールアドレスの形式が正しくありません（例: abc@example.jp）。',
    en: 'This is not a valid email address (for example abc@example.jp).',
  },
  EMAIL_CONFIRMATION_MISMATCH: {
    ja: '確認用のメールアドレスが一致しません。',
    en: 'The email confirmation does not match.',
  },
  SECRET_QUESTION_UNKNOWN: {
    ja: '秘密の質問を一覧から選択してください。',
    en: 'Please choose a secret question from the list.',
  },
  SECRET_ANSWER_TOO_LONG: {
    ja: '秘密の質問の回答は50文字以内で入力してください。',
    en: 'The answer must be at most 50 characters.',
  },
  SECRET_ANSWER_MISMATCH: {
    ja: '秘密の質問または回答が登録内容と一致しません。',
    en: 'The secret question or answer does not match what you registered.',
  },
  INVALID_OR_EXPIRED_TOKEN: {
    ja: 'このURLは無効です（有効期限の24時間を過ぎたか、すでに使用されています）。お手数ですが、もう一度登録のお手続きをお願いいたします。',
    en: 'This link is no longer valid: it is older than 24 hours or has already been used. Please register again.',
  },
  REISSUE_REQUESTED: {
    ja: 'ご登録のメールアドレスにて、新しいログインパスワードを記載したメールを送りました。メールが届かない場合は、入力内容をご確認のうえ再度お試しいただくか、Webビリング受付担当（0800-333-0030）までご連絡ください。',
    en: 'A mail with a new login password has been sent to your registered email address. If none arrives, check what you entered and try again, or call the Web Billing section (0800-333-0030).',
  },
  REISSUED_PASSWORD_EXPIRED: {
    ja: '再発行されたログインパスワードの有効期限（24時間）が切れています。お手数ですが、もう一度再発行のお手続きをお願いいたします。',
    en: 'The reissued password has expired (it is valid for 24 hours). Please request a new one.',
  },
  MONTH_OUT_OF_RANGE: {
    ja: 'ご請求額を確認できるのは、当月を含む過去15か月分です。',
    en: 'Bills can be viewed for the past 15 months, the current month included.',
  },
  DETAILS_NOT_RETAINED: {
    ja: 'ご請求内訳を確認できるのは、当月を含む過去4か月分です。',
    en: 'Detailed breakdowns are kept for the past 4 months, the current month included.',
  },
  INVOICE_NOT_FOUND: { ja: 'この月のご請求はありません。', en: 'There is no bill for this month.' },
  LINE_NOT_FOUND: {
    ja: 'この回線番号はご契約にありません。番号をご確認ください。',
    en: 'This line number is not on your account. Please check it.',
  },
  CARRIER_NOT_FOUND: { ja: '通信会社が見つかりません。', en: 'No such carrier.' },
  // Documents (PDF, CSV downloads)
  DOCUMENT_NOT_FOUND: { ja: 'この書類はありません。', en: 'There is no such document.' },
  RECEIPT_NOT_FOUND: {
    ja: 'この月の領収書はありません。Webビリングでお支払いいただいたご請求の領収書を発行できます。',
    en: 'There is no receipt for this month. Receipts are issued for bills paid through Web Billing.',
  },
  PERIOD_INVALID: {
    ja: '期間は from と to に年月（例: 2026-01）で指定してください（from は to 以前）。',
    en: 'Give the period as from and to, each a month such as 2026-01, with from no later than to.',
  },
  NO_PAYMENTS_IN_PERIOD: {
    ja: 'この期間にお支払い済みのご請求はありません。',
    en: 'No bill in this period has been paid.',
  },
  DOCUMENTS_BUSY: {
    ja: '書類を作成中です。数秒おいて再度お試しください。',
    en: 'Your other documents are still being prepared. Please try again in a few seconds.',
  },
  DOCUMENTS_SERVER_BUSY: {
    ja: 'ただいま書類の作成が混み合っています。数秒おいて再度お試しください。',
    en: 'Many documents are being prepared right now. Please try again in a few seconds.',
  },
  // Carrier reference data (integrators' upsertCarrier)
  CARRIER_CODE_INVALID: {
    ja: '通信会社コードは英大文字で始まる2～32文字の英大文字・数字・_で入力してください（例: NTT_EAST）。',
    en: 'A carrier code is 2 to 32 capital letters, digits or _, starting with a letter (e.g. NTT_EAST).',
  },
  CARRIER_NAME_TOO_LONG: {
    ja: '名称が長すぎます（表示名は100文字、正式名称は200文字まで）。',
    en: 'The name is too long (display names 100 characters, the legal name 200).',
  },
  REGISTRATION_NUMBER_FORMAT: {
    ja: '登録番号は「T」と13桁の数字で入力してください（例: T1010001067912）。',
    en: 'A registration number is T followed by 13 digits (e.g. T1010001067912).',
  },
  REGISTRATION_NUMBER_CHECK_DIGIT: {
    ja: '登録番号の検査用数字（Tの次の1桁）が正しくありません。番号をご確認ください。',
    en: 'The check digit of this registration number (the first digit after T) is wrong. Please check the number.',
  },
  REGISTRATION_NUMBER_TAKEN: {
    ja: 'この登録番号は他の通信会社に登録されています（1つの発行事業者は1つの通信会社です）。',
    en: 'This registration number belongs to another carrier (one issuer is one carrier).',
  },
  // Lines view (issue 16)
  PAGE_SIZE_INVALID: {
    ja: '1ページの件数は1～100件で指定してください。',
    en: 'A page holds 1 to 100 lines.',
  },
  SEARCH_TOO_LONG: {
    ja: '検索語は100文字以内で入力してください。',
    en: 'The search must be at most 100 characters.',
  },
  CURSOR_INVALID: {
    ja: '一覧の続きを読み込めませんでした。最初のページから表示し直してください。',
    en: 'This is not a position in this list (another sort, or not one it gave out). Start again from the first page.',
  },
  PHONE_NUMBER_MISMATCH: {
    ja: '登録電話番号が一致しません。Webビリングにご登録の電話番号等を入力してください。',
    en: 'This is not the registered phone number of the account.',
  },
  PHONE_NUMBER_INVALID: {
    ja: '電話番号は10桁または11桁の数字で入力してください（例: 09012345678）。',
    en: 'Enter the phone number as 10 or 11 digits (for example 09012345678).',
  },
  // Payments (SPEC §3): card form fields, card outcomes, Pay-easy, integrator recording
  CARD_NUMBER_INVALID: {
    ja: 'カード番号をご確認ください（半角数字12～19桁）。',
    en: 'Please check the card number (12 to 19 digits).',
  },
  CARD_BRAND_UNSUPPORTED: {
    ja: 'このカードはご利用いただけません（Visa、Mastercard、JCB、American Express、Diners Club）。',
    en: 'This card is not accepted (Visa, Mastercard, JCB, American Express, Diners Club).',
  },
  CARD_EXPIRY_INVALID: { ja: '有効期限をご確認ください。', en: 'Please check the expiry date.' },
  CARD_EXPIRED: { ja: 'このカードは有効期限が切れています。', en: 'This card has expired.' },
  CVC_INVALID: {
    ja: 'セキュリティコードをご確認ください（カード裏面の3桁、American Expressは表面の4桁）。',
    en: 'Please check the security code (3 digits on the back; 4 on the front for American Express).',
  },
  HOLDER_NAME_TOO_LONG: {
    ja: 'カード名義は100文字以内で入力してください。',
    en: 'The cardholder name must be at most 100 characters.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    ja: '送信キーが正しくありません。画面を再読み込みしてください。',
    en: 'The idempotency key must be 8 to 100 letters, digits, "-" or "_".',
  },
  IDEMPOTENCY_KEY_REUSED_OTHER_ACCOUNT: {
    ja: 'この送信キーは別の内容の登録に使用済みです。新しい登録には新しいキーを指定してください。',
    en: 'This idempotency key was already used to provision an account with other details; send a new key for a new account (a retry must repeat its request unchanged).',
  },
  IDEMPOTENCY_KEY_REUSED: {
    ja: '送信キーは別のお支払いに使用済みです。画面を再読み込みしてください。',
    en: 'This idempotency key was already used for a different payment.',
  },
  PAYMENT_DECLINED: {
    ja: 'カード会社によりお支払いが承認されませんでした。別のカードをご利用いただくか、カード会社にお問い合わせください。',
    en: 'The card issuer declined the payment. Please use another card or contact your card issuer.',
  },
  PAYMENT_DECLINED_INSUFFICIENT_FUNDS: {
    ja: 'ご利用可能額が不足しているため、お支払いが承認されませんでした。',
    en: 'The payment was declined: the card has insufficient funds.',
  },
  PAYMENT_DECLINED_EXPIRED_CARD: {
    ja: 'カードの有効期限が切れているため、お支払いが承認されませんでした。',
    en: 'The payment was declined: the card has expired.',
  },
  PAYMENT_DECLINED_INCORRECT_CVC: {
    ja: 'セキュリティコードが正しくないため、お支払いが承認されませんでした。',
    en: 'The payment was declined: the security code is incorrect.',
  },
  PAYMENT_FAILED: {
    ja: 'カード決済の処理中にエラーが発生しました。お支払いは完了していません。時間をおいて再度お試しください。',
    en: 'The card payment could not be processed and you have not been charged. Please try again later.',
  },
  INVOICE_ALREADY_PAID: { ja: 'このご請求はお支払い済みです。', en: 'This bill has already been paid.' },
  INVOICE_NOT_CONFIRMED: {
    ja: 'ご請求額の確定後にお支払いいただけます（速報値のためお支払いできません）。',
    en: 'This bill can be paid once its amount is confirmed (it is still provisional).',
  },
  NOTHING_TO_PAY: { ja: 'お支払いいただく金額はありません。', en: 'There is nothing to pay on this bill.' },
  ACCOUNT_NOT_FOUND: { ja: 'お客様番号が見つかりません。', en: 'No account has this customer number.' },
  AMOUNT_MISMATCH: {
    ja: '入金額がご請求額と一致しません。',
    en: 'The amount paid does not match the billing amount.',
  },
  AMOUNT_INVALID: {
    ja: '金額は1円以上の整数です。',
    en: 'The amount must be a whole number of yen, at least 1.',
  },
  REFERENCE_INVALID: {
    ja: '入金の参照番号は1～100文字です。',
    en: 'The payment reference must be 1 to 100 characters.',
  },
  PAID_AT_IN_FUTURE: { ja: '入金日時が未来です。', en: 'The payment time is in the future.' },
  PAID_AT_BEFORE_BILLING_MONTH: {
    ja: '入金日時がご請求月より前です。',
    en: 'The payment time is before the billing month began.',
  },
  // Login outcomes
  INVALID_CREDENTIALS: {
    ja: `ログインIDまたはログインパスワードが正しくありません。連続して5回間違えるとログインパスワードがロックされます。お忘れの場合は「ログインID及びログインパスワードをお忘れの方」から再発行するか、${CALL_CENTRE_JA}までご連絡ください。`,
    en: `The login ID or password is wrong. Five wrong attempts in a row lock the password. If you have forgotten it, use "Forgot your login ID or password?" to reissue it, or call ${CALL_CENTRE_EN}.`,
  },
  ACCOUNT_LOCKED: {
    ja: `ログインパスワードがロックされています。「ログインID及びログインパスワードをお忘れの方」からログインパスワードを再発行するか、${CALL_CENTRE_JA}までご連絡ください。`,
    en: `Your password is locked. Reissue it from "Forgot your login ID or password?", or call ${CALL_CENTRE_EN}.`,
  },
  CREDENTIALS_EXPIRED: {
    ja: `このログインパスワードは有効期限が切れています。${CALL_CENTRE_JA}にご連絡いただき、再発行をお申し込みください。`,
    en: `This password has expired. Please call ${CALL_CENTRE_EN} to have new credentials issued.`,
  },
  SESSION_LIMIT_REACHED: {
    ja: 'ログインから時間が経過したため、これ以上ログインを継続できません。まもなくログアウトしますので、もう一度ログインしてください。',
    en: 'This session has reached its time limit and cannot be extended. You will be signed out shortly; please sign in again.',
  },
  // Operator console
  OPERATOR_INVALID_CREDENTIALS: {
    ja: 'ログインIDまたはパスワードが正しくありません。連続して間違えるとロックされます。ロックされた場合は管理者に連絡してください。',
    en: 'The login ID or password is wrong. Repeated failures lock the account; an administrator can unlock it.',
  },
  OPERATOR_LOCKED: {
    ja: 'このオペレーターアカウントは、続けて失敗したため一時的にロックされています。しばらく待ってから再度お試しいただくか、管理者に解除を依頼してください。',
    en: 'This operator account is locked for a while after repeated failures. Try again later, or ask an administrator to unlock it.',
  },
  REASON_REQUIRED: {
    ja: '操作の理由を入力してください（監査記録に残ります）。',
    en: 'Enter the reason for this action (it is kept in the audit log).',
  },
  REASON_TOO_LONG: {
    ja: '理由は500文字以内で入力してください。',
    en: 'The reason must be at most 500 characters.',
  },
  OPERATOR_NOT_LOCKED: {
    ja: 'このオペレーターはロックされていません。',
    en: 'This operator is not locked.',
  },
  API_KEY_NOT_FOUND: { ja: 'このAPIキーは見つかりません。', en: 'No such API key.' },
  NO_SUCH_ACCOUNT: { ja: 'お客さまのアカウントが見つかりません。', en: 'No such account.' },
  ACCOUNT_NOT_LOCKED: {
    ja: 'このアカウントのログインパスワードはロックされていません。',
    en: 'The password of this account is not locked.',
  },
  REISSUE_NOT_BLOCKED: {
    ja: 'このアカウントのパスワード再発行は停止されていません。',
    en: 'Password reissue is not suspended for this account.',
  },
  ACCOUNT_HOLDER_NAME_TOO_LONG: {
    ja: '契約者名は200文字以内で入力してください。',
    en: 'The holder name must be at most 200 characters.',
  },
  POSTAL_ADDRESS_TOO_LONG: {
    ja: '住所は500文字以内で入力してください。',
    en: 'The postal address must be at most 500 characters.',
  },
  TOO_MANY_LINES: { ja: '回線は一度に1,000件まで登録できます。', en: 'At most 1,000 lines at once.' },
  LINE_NUMBER_INVALID: {
    ja: '回線番号は4～30桁の英数字で入力してください（ハイフン可）。',
    en: 'A line number is 4–30 letters or digits (dashes are fine).',
  },
  LINE_NUMBER_DUPLICATE: { ja: '同じ回線番号が重複しています。', en: 'This line number is listed twice.' },
  SERVICE_NAME_TOO_LONG: {
    ja: 'サービス名は100文字以内で入力してください。',
    en: 'The service name must be at most 100 characters.',
  },
  // Cross-cutting (thrown) errors
  UNAUTHENTICATED: {
    ja: 'ログインしていないか、セッションの有効期限が切れました。もう一度ログインしてください。',
    en: 'You are not logged in, or your session has expired. Please log in again.',
  },
  FORBIDDEN: { ja: 'この操作は許可されていません。', en: 'You are not allowed to do this.' },
  CREDENTIAL_CHANGE_REQUIRED: {
    ja: '先にログインID・ログインパスワードの変更を完了してください。',
    en: 'Please finish changing your login credentials first.',
  },
  RATE_LIMITED: {
    ja: '短時間に失敗が続いたため、しばらく受け付けを停止しています。時間をおいて再度お試しください。',
    en: 'Too many failed attempts. Please wait a while and try again.',
  },
  RATE_LIMITED_ADDRESS: {
    ja: 'お使いのネットワークから失敗が続いたため、しばらく受け付けを停止しています。時間をおいて再度お試しいただくか、別のネットワークからお試しください。',
    en: 'Too many failed attempts came from your network. Please wait a while and try again, or use another network.',
  },
  RATE_LIMITED_LOGIN_ID: {
    ja: 'このログインIDでの失敗が続いたため、しばらく受け付けを停止しています。時間をおいて再度お試しください。',
    en: 'Too many failed attempts for this login ID. Please wait a while and try again.',
  },
  RATE_LIMITED_IN_FLIGHT: {
    ja: 'このログインIDで処理中の操作があります。数秒おいて再度お試しください。',
    en: 'Other attempts for this login ID are still being checked. Please try again in a few seconds.',
  },
  MAIL_NOT_FOUND: {
    ja: '該当する未送達メールがありません。',
    en: 'There is no undelivered mail with this id.',
  },
  MAIL_NOT_RESENDABLE: {
    ja: 'このメールのパスワードまたはURLは有効期限が切れているため再送できません。新たに発行してください。',
    en: 'The password or link in this mail has expired, so it cannot be sent again. Issue a new one instead.',
  },
  STEP_UP_REQUIRED: {
    ja: 'お使いのネットワークから失敗が続いたため、確認のための計算をお使いの端末で行っています（数秒かかります）。',
    en: 'Many failed attempts came from your network, so your device is doing a short check (a few seconds).',
  },
  INTERNAL_SERVER_ERROR: {
    ja: 'システムエラーが発生しました。時間をおいて再度お試しください。',
    en: 'Something went wrong on our side. Please try again later.',
  },
  // Integrators (API keys): worded for whoever wires up the integration
  API_KEY_REQUIRED: {
    ja: 'この操作にはAPIキーが必要です。Authorization: Bearer wbk_… ヘッダーで送信してください。',
    en: 'This operation needs an API key: send it as `Authorization: Bearer wbk_…` (an administrator creates one with `web-billing api-key create`).',
  },
  API_KEY_INVALID: {
    ja: 'このAPIキーは無効です（不明なキー、または失効済み）。管理者に新しいキーの発行を依頼してください。',
    en: 'This API key is not valid: it is unknown or has been revoked. Ask an administrator for a new key.',
  },
  API_KEY_SCOPE_MISSING: {
    ja: 'このAPIキーにはこの操作の権限（スコープ）がありません。extensions.requiredScopes のスコープを持つキーを使用してください。',
    en: 'This API key lacks the scope this operation needs (see extensions.requiredScopes). Use a key created with that scope.',
  },
  API_KEY_RATE_LIMITED: {
    ja: 'このAPIキーからのリクエストが上限を超えました。Retry-After の秒数だけ待ってから再送してください。',
    en: 'This API key has sent more requests than its budget allows. Wait the Retry-After seconds, then send again.',
  },
  SERVICE_UNAVAILABLE: {
    ja: 'ただいまシステムに接続できません。しばらくしてから再度お試しください。',
    en: 'The service is briefly unavailable. Please try again in a few seconds.',
  },
  CONTROL_CHARACTER: {
    ja: '使用できない制御文字（NULなど）が含まれています。取り除いて再度お試しください。',
    en: 'contains a control character (such as NUL) that is not allowed. Remove it and try again.',
  },
  // Trusted documents (the app's own operations, sent by id)
  PERSISTED_QUERY_NOT_FOUND: {
    ja: 'この画面は古いバージョンです。ページを再読み込みしてください。',
    en: 'This operation id is not one of this server’s: the app is out of date. Please reload the page.',
  },
  TRUSTED_DOCUMENTS_ONLY: {
    ja: 'ブラウザからはWebビリングの画面の操作のみ受け付けています。',
    en: 'From a browser this server runs only its own app’s operations (sent by id). Integrators send an API key.',
  },
};

export function message(lang: Lang, code: string): string {
  const entry = catalogue[code];
  if (!entry) return code;
  return entry[lang];
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}
