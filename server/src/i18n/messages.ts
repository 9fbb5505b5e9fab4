import { ALLOWED_SYMBOLS } from '../modules/credentials/password-policy';

export type Lang = 'ja' | 'en';

/** Japanese by default (SPEC §7); English when the client's first preference is English. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

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
  PHONE_NUMBER_MISMATCH: {
    ja: '登録電話番号が一致しません。Webビリングにご登録の電話番号等を入力してください。',
    en: 'This is not the registered phone number of the account.',
  },
  PHONE_NUMBER_INVALID: {
    ja: '電話番号は10桁または11桁の数字で入力してください（例: 09012345678）。',
    en: 'Enter the phone number as 10 or 11 digits (for example 09012345678).',
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
  INTERNAL_SERVER_ERROR: {
    ja: 'システムエラーが発生しました。時間をおいて再度お試しください。',
    en: 'Something went wrong on our side. Please try again later.',
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
