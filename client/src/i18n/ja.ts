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
  cancel: 'キャンセル',
  fieldRequired: '入力してください。',
  selectRequired: '選択してください。',
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
  reissueAgainLink: 'ログインパスワードを再発行する',

  // first login after a reissue (guide 6 (12))
  reissuedNoticeTitle: 'ログインパスワードの変更',
  reissuedNoticeBody:
    '再発行されたログインパスワードでログインしました。続いて、お客さまご自身で決めたログインパスワードへの変更を行います。',
  reissuedNoticeHint:
    '次の画面で、メール本文に記載されている新規ログインパスワードを「初期ログインパスワード」に入力してください。',

  // initial login notice (guide 1-3)
  initialNoticeTitle: '初期ログインが完了しました',
  initialNoticeNext: '続いて、お客さまご自身で決めたログインID・ログインパスワードの登録を行います。',
  initialNoticeAttention: 'ご注意ください',
  initialNoticeBody:
    'お客さまへお送りした初期ログインID・初期ログインパスワードは、初期ログイン時のみご利用いただけます。セキュリティのため、初期ログイン後にログインID・ログインパスワードの変更をお願いいたします。',
  initialNoticePostcard:
    '次の手順でも初期ログインID・初期ログインパスワードが記載されたハガキが必要です。破棄しないでください。',

  // forgot (Japanese guide 9-1, guide 6)
  forgotTitle: 'ログインID及びログインパスワードをお忘れの方',
  forgotSelfService:
    'ログインパスワードをお忘れの方や、ログインパスワードをロックされた方は、新しいログインパスワードをご登録の連絡先メールアドレスに通知いたします。',
  forgotCallCentre:
    'ログインIDをお忘れの方、または、ログインパスワード忘れかつ連絡先メールアドレスが未登録の方は、下記Webビリング受付担当までご連絡願います。ご連絡後ログインID/ログインパスワードを再発行の上、ハガキ（郵送）にてお送りします。ハガキは、概ね1週間程度で送付します。',
  forgotFormTitle: 'ログインパスワード再発行',
  forgotFormLead: '連絡先メールアドレス登録済みのお客さまのログインパスワードを再発行します。',
  forgotNoAnswerNote:
    '※連絡先メールアドレス未登録の場合、秘密の質問と回答をお忘れの方はお電話でのお申し込みとなります。',
  stepInput: '入力',
  stepDone: '完了',
  stepsLabel: '手続きの流れ',
  registeredEmail: 'ご登録済みのメールアドレス',
  loginIdPlaceholder: 'ログインIDを入力してください',
  emailPlaceholder: '例: abc@hbcdefgh.jp',
  issueButton: '発行する',
  forgotDoneTitle: 'ログインパスワード再発行完了',
  backToLoginPage: 'ログインページへ戻る',
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

  // reissue email address (guide 1-7…1-11, 5)
  reissueEmailTitle: '再発行用メールアドレスの登録・変更',
  reissueEmailLead:
    'ログインパスワード再発行用の「メールアドレス」「秘密の質問」「秘密の質問の回答」の登録・変更ができます。',
  reissueEmailNoneNote:
    '※再発行用メールアドレスを登録されない場合、ログインパスワードをお忘れの際はお電話でのお申し込みとなり、再発行したログインパスワードはハガキ（郵送）でお届けします（概ね1週間程度）。',
  reissueEmailNone: '再発行用メールアドレスは登録されていません。',
  reissueEmailActive: '登録済みの再発行用メールアドレス',
  email: 'メールアドレス',
  emailConfirmation: 'メールアドレス（確認用）',
  secretQuestion: '秘密の質問',
  secretAnswer: '秘密の質問の回答',
  secretQuestionPlaceholder: '質問内容を選択してください',
  secretAnswerPlaceholder: '秘密の質問の回答を入力してください',
  secretAnswerHint: '50文字以内で入力してください。ログインパスワード再発行の際に必要です。',
  secretQuestionsFailed: '秘密の質問を読み込めませんでした。',
  registerButton: '登録',
  changeButton: '変更',
  deleteButton: '削除',
  confirmButton: '確認',
  reissuePendingTitle: '登録手続き中のメールアドレス',
  reissuePendingBody:
    '確認メールをお送りしました。メール本文中のURLをクリックし、秘密の質問と回答を入力すると登録が完了します。',
  reissuePendingExpires: 'URLの有効期限',
  reissuePendingActiveNote: '登録が完了するまでは、現在のメールアドレスが引き続き有効です。',
  reissueDeleteQuestion:
    '再発行用メールアドレスを削除しますか？削除すると、ログインパスワードをお忘れの際はお電話でのお申し込み（ハガキでのお届け）となります。',
  reissueDeleteConfirm: '削除する',
  reissueDeleted: '再発行用メールアドレスを削除しました。',
  reissueRegisterTitle: '再発行用メールアドレスの登録',
  reissueChangeTitle: '再発行用メールアドレスの変更',
  reissueReviewTitle: '入力内容の確認',
  reissueRegisterLead:
    '登録するメールアドレス（半角）と、ログインパスワード再発行時の確認情報（秘密の質問・回答）を入力し、[確認]を押してください。',
  reissueReviewLead: '入力内容に誤りがなければ、[更新]を押してください。',
  reissueNotYet: '※登録はまだ完了していません。',
  reissueMailSentTitle: '確認メール送信',
  reissueMailSentBody: '{email} あてに確認メールを送信しました。',
  reissueMailSentClick:
    'メール本文中のURLを24時間以内（{expires}まで）にクリックして、登録を完了してください。',
  reissueMailSentNotYet:
    '登録はまだ完了していません。24時間以内に手続きを完了できなかった場合は、お手数ですが、もう一度登録のお手続きをお願いいたします。',
  reissueConfirmTitle: '再発行用メールアドレスの登録',
  reissueConfirmLead: '登録した秘密の質問と回答を入力して、[登録]を押してください。',
  reissueNoToken: 'URLが正しくありません。メール本文中のURLをそのまま開いてください。',
  reissueRegisteredTitle: '登録完了',
  reissueRegisteredBody: '再発行用メールアドレス及び秘密の質問の登録が完了しました。',
  registerAgain: 'もう一度登録する',
  loginToRegisterAgain: 'ログインして、もう一度登録する',

  // development mailbox
  mailboxTitle: '開発用メールボックス',
  mailboxLead: '開発環境で送信されたメールです（新しい順）。本番環境では利用できません。',
  mailboxUnavailable: '開発用メールボックスは利用できません（本番環境、またはSMTPで送信する設定です）。',
  mailboxEmpty: 'メールはありません。',
  mailboxBack: '一覧へ戻る',
  mailFrom: '差出人',
  mailTo: '宛先',
  mailDate: '日時',
  mailSubject: '件名',
  mailNoSubject: '（件名なし）',

  notFoundTitle: 'ページが見つかりません',
} as const;

export type Dictionary = {
  [K in keyof typeof ja]: (typeof ja)[K] extends readonly string[] ? readonly string[] : string;
};
