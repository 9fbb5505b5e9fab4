// Japanese (default) wording, following the NTT Finance Web Billing guides.
export const ja = {
  appName: 'Webビリング',
  skipToContent: 'メインコンテンツへ移動',
  languageLabel: '言語',
  loading: '読み込み中…',
  offline: 'オフラインです。ネットワークに接続すると操作を続けられます。',
  comingSoon: 'この機能は準備中です。今しばらくお待ちください。',
  ok: 'OK',
  retry: '再読み込み',
  back: '戻る',
  required: '必須',
  showPassword: '表示',
  hidePassword: '非表示',
  showPasswordLabel: 'パスワードを表示する',
  formHasErrors: '入力内容に誤りがあります。各項目のメッセージをご確認ください。',

  // errors (thrown GraphQL errors and network failures)
  errUnauthenticated: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  errForbidden: 'この操作を行う権限がありません。',
  errCredentialChangeRequired: '先にログインID・ログインパスワードの変更を完了してください。',
  errRateLimited: 'アクセスが集中しています。しばらく時間をおいてから再度お試しください。',
  errBadUserInput: '入力内容を確認してください。',
  errInternal: 'システムエラーが発生しました。しばらく時間をおいてから再度お試しください。',
  errNetwork: 'サーバーに接続できませんでした。通信環境をご確認のうえ、再度お試しください。',
  errOffline: 'オフラインのため、サーバーと通信できません。ネットワークに接続してから再度お試しください。',
  errUnknown: '予期しないエラーが発生しました。再度お試しください。',
  sessionExpired: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  loggedOut: 'ログアウトしました。',

  // login (guide 1-2)
  loginTitle: 'ログイン',
  loginLead:
    'ログインIDとログインパスワードを入力してください。初めての方は、ハガキに記載の初期ログインID・初期ログインパスワードを入力してください。',
  loginId: 'ログインID',
  loginPassword: 'ログインパスワード',
  loginButton: 'ログイン',
  forgotLink: 'ログインID及びログインパスワードをお忘れの方',

  // initial login notice (guide 1-3)
  initialNoticeTitle: '初期ログインが完了しました',
  initialNoticeNext: '続いて、お客さまご自身で決めたログインID・ログインパスワードの登録を行います。',
  initialNoticeAttention: 'ご注意ください',
  initialNoticeBody:
    'お客さまへお送りした初期ログインID・初期ログインパスワードは、初期ログイン時のみご利用いただけます。セキュリティのため、初期ログイン後にログインID・ログインパスワードの変更をお願いいたします。',
  initialNoticePostcard:
    '次の手順でも初期ログインID・初期ログインパスワードが記載されたハガキが必要です。破棄しないでください。',

  // forgot (Japanese guide 9-1)
  forgotTitle: 'ログインID及びログインパスワードをお忘れの方',
  forgotSelfService:
    'ご登録の連絡先メールアドレスあてに新しいログインパスワードをお送りする再発行手続き（Web）は準備中です。今しばらくお待ちください。',
  forgotCallCentre:
    'ログインIDをお忘れの方、またはログインパスワードをお忘れで連絡先メールアドレスが未登録の方は、下記Webビリング受付担当までご連絡ください。ご連絡後、ログインID・ログインパスワードを再発行のうえ、ハガキ（郵送）にてお送りします。ハガキは概ね1週間程度で送付します。',
  contactTitle: 'お問い合わせ先',
  contactDesk: 'Webビリング受付担当',
  contactPhone: '0800-333-0030',
  contactHours: '受付時間：9:00～17:00 月～金曜日（祝日・年末年始（12/29～1/3）を除く）',
  contactNote: '契約者ご本人さまからのご連絡をお願いいたします。携帯電話からもご利用いただけます。',
  backToLogin: 'ログイン画面へ戻る',

  // change initial credentials (guide 1-4)
  changeInitialTitle: 'ログインID・ログインパスワード変更',
  changeInitialLead:
    'お客さまご自身で決めたログインID・ログインパスワードに変更してください。ハガキに記載の初期ログインID・初期ログインパスワードもあわせて入力してください。',
  initialLoginId: '初期ログインID',
  newLoginId: '新しいログインID',
  newLoginIdConfirmation: '新しいログインID（確認用）',
  initialPassword: '初期ログインパスワード',
  currentPassword: '現在のログインパスワード',
  newPassword: '新しいログインパスワード',
  newPasswordConfirmation: '新しいログインパスワード（確認用）',
  updateButton: '更新',
  idConditionsTitle: '新しいログインIDの条件',
  idConditions: [
    '英字と数字を混在させた5～31文字（半角）である。（数字のみ、英字のみは不可）',
    '他のお客さまが使用していないログインIDである。',
    '新しいログインパスワードと異なる文字列である。',
    'ログインIDに使用可能な記号は以下の20種類です。',
  ],
  passwordConditionsTitle: '新しいログインパスワードの条件',
  passwordConditions: [
    '英大文字、英小文字、数字、記号の4種のうち3種以上の文字種が混在している8～32文字（半角）である。',
    'ログインIDと同じ文字列が含まれていない。',
    '現在のログインパスワードを含めて過去3回以内に使用されていない。',
    'ログインパスワードに使用可能な記号は以下の20種類です。',
  ],
  symbolsLabel: '使用可能な記号（20種類）',

  // completion (guide 1-5, 1-6)
  changeInitialDoneTitle: 'ログインID・ログインパスワード変更完了',
  changeInitialDoneBody:
    '初期ログインID・初期ログインパスワードの変更が完了しました。お客さまご自身で決めたログインID・ログインパスワードは大切な情報ですので、お忘れにならないようご注意ください。',
  reissueEmailPromptTitle: '再発行用メールアドレスの登録',
  reissueEmailPromptBody:
    '再発行用メールアドレスと秘密の質問・回答を登録しておくと、ログインパスワードをお忘れの場合やロックされた場合に、再発行したログインパスワードをメールで受け取れます。未登録の場合は、お電話でのお申し込みのうえハガキ（郵送）でのお届けとなり、概ね1週間程度かかります。',
  reissueEmailPromptQuestion: '続けて再発行用メールアドレスを登録しますか？',
  registerNow: '今すぐ登録する',
  registerLater: 'あとで登録する',

  // top (guide 2)
  topTitle: 'Webビリング トップ',
  registeredPhoneNumber: 'Webビリング登録電話番号等',
  holderName: 'ご契約者名',
  customerNumber: 'お客さま番号',
  menuTitle: 'メニュー',
  menuChangePassword: 'ログインパスワード変更',
  menuReissueEmail: '再発行用メールアドレスの登録・変更',
  menuBills: 'ご請求内容の確認',
  logout: 'ログアウト',
  honorific: '様',

  // change password (menu) and forced change after reissue (guide 6 (13)-(17))
  changePasswordTitle: 'ログインパスワード変更',
  changePasswordLead: '現在のログインパスワードと、新しいログインパスワードを入力してください。',
  changePasswordDoneTitle: 'ログインパスワード変更完了',
  forcedChangeTitle: '初期ログインパスワード変更',
  forcedChangeLead:
    'メールでお送りした新規ログインパスワードを「初期ログインパスワード」に入力し、新しいログインパスワードを登録してください。',
  forcedChangeDoneTitle: '初期ログインパスワード変更完了',
  passwordDoneBody: '次回より変更されたログインパスワードでログインしてください。',
  backToTop: 'トップへ戻る',

  notFoundTitle: 'ページが見つかりません',
} as const;

export type Dictionary = {
  [K in keyof typeof ja]: (typeof ja)[K] extends readonly string[] ? readonly string[] : string;
};
