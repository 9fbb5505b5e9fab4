// Wording of the billing-amount notification screens (guide 4), kept in this lazy chunk so it does
// not weigh on the initial bundle. Japanese follows the guide's screens; English its translation.
import { defineText } from '../../i18n';

export const notificationText = defineText({
  ja: {
    settingsTitle: 'ご請求額お知らせメール設定',
    settingsLead:
      '毎月のご請求額が確定すると、お支払期限の2週間前にご請求額をお知らせするメールを登録のメールアドレスへお送りします。',
    importantTitle: 'ご注意事項',
    important1:
      'ご請求額お知らせメールが届かない場合は、登録のメールアドレスをご確認のうえ、必要に応じて登録（変更）し直してください。',
    important2: 'ご請求額お知らせメールの受信にかかる通信料はお客さまのご負担となります。',
    important3:
      '迷惑メール対策を設定されている場合、メールを受信できないことがあります。Webビリングからのメールを受信できるよう、アドレスまたはドメインの指定受信を設定してください。',
    activeTitle: '登録済みのメールアドレス',
    none: 'ご請求額お知らせメールのアドレスは登録されていません。',
    emailType: 'メールアドレスの種類',
    typeMOBILE: '携帯電話',
    typeINTERNET: 'インターネット（パソコン・スマートフォン・タブレット）',
    pendingTitle: '仮登録中のメールアドレス',
    pendingBody: 'メール本文中のURLから本登録を行うまで、このアドレスへはお知らせメールをお送りしません。',
    pendingExpires: 'URLの有効期限',
    pendingActiveNote: '本登録が完了するまでは、現在のメールアドレスが引き続き有効です。',
    registerButton: 'アドレス登録',
    changeButton: 'アドレス変更',
    deleteButton: '削除',
    deleteQuestion:
      'ご請求額お知らせメールのアドレスを削除しますか？削除すると、ご請求額お知らせメールは届かなくなります。',
    deleteConfirm: '削除する',
    deleted: 'ご請求額お知らせメールのアドレスを削除しました。',
    registerTitle: 'ご請求額お知らせメール アドレス登録',
    changeTitle: 'ご請求額お知らせメール アドレス変更',
    registerLead: '通知するメールアドレスの種類を選択し、メールアドレスを入力して[次へ]を押してください。',
    nextButton: '次へ',
    reviewTitle: '仮登録内容の確認',
    reviewLead: '登録内容をご確認のうえ、[次へ]を押してください。',
    notYet: '※登録はまだ完了していません。',
    mailSentTitle: '仮登録完了',
    mailSentBody: '{email} あてに「仮登録完了のお知らせ」メールを送信しました。',
    mailSentClick:
      'メール本文中のURLを、仮登録完了から24時間以内（{expires}まで）にクリックして本登録を行ってください。',
    mailSentNotYet: '本登録が完了していない場合、本サービスはご利用いただけませんのでご注意ください。',
    confirmTitle: 'ご請求額お知らせメール 本登録',
    confirmLead: 'Webビリング登録電話番号等を入力して、[本登録する]を押してください。',
    phoneLabel: 'Webビリング登録電話番号等',
    phoneHint:
      '例）携帯電話番号がご登録の場合は「09012345678」、お客さま番号がご登録の回線番号の場合は「0012345678」。ハイフン（-）は入力不要ですが、入力しても受け付けます。',
    confirmButton: '本登録する',
    registeredTitle: '本登録完了',
    registeredBody:
      'ご請求額お知らせメールの本登録が完了しました。本登録完了のお知らせメールをご確認ください。',
    noToken: 'URLが正しくありません。メール本文中のURLをそのまま開いてください。',
    registerAgain: 'もう一度アドレス登録を行う',
    loginToRegisterAgain: 'ログインしてもう一度アドレス登録を行う',
    backToBills: 'ご請求金額の確認へ戻る',
  },
  en: {
    settingsTitle: 'Settings for billing amount notices',
    settingsLead:
      'Once your monthly billing amount is set, a notice email with the amount is sent to the designated address 2 weeks ahead of the due date.',
    importantTitle: 'Important points to note',
    important1:
      'If the notice email does not reach you, please check the designated address and register it again (change it) as needed.',
    important2: 'Customers pay the communication charges for receiving the notice email.',
    important3:
      'If you have set up security against junk mail, you may not receive the notice email. Please allow mail from Web Billing by its address or domain.',
    activeTitle: 'Registered email address',
    none: 'No email address is registered for billing amount notices.',
    emailType: 'Type of email address',
    typeMOBILE: 'Mobile phone',
    typeINTERNET: 'The Internet (personal computer, smartphone or tablet)',
    pendingTitle: 'Temporarily registered address',
    pendingBody:
      'No notice is sent to this address until the formal registration through the URL in the email.',
    pendingExpires: 'URL valid until',
    pendingActiveNote: 'Until the formal registration is done, the current address stays in use.',
    registerButton: 'Register address',
    changeButton: 'Change address',
    deleteButton: 'Delete',
    deleteQuestion:
      'Delete the address for billing amount notices? You will no longer receive the notice email of billing amount.',
    deleteConfirm: 'Delete',
    deleted: 'The address for billing amount notices has been deleted.',
    registerTitle: 'Register an address for billing amount notices',
    changeTitle: 'Change the address for billing amount notices',
    registerLead: 'Choose the type of email address to notify, enter the address and tap [Next].',
    nextButton: 'Next',
    reviewTitle: 'Confirm the temporary registration',
    reviewLead: 'Confirm the registration and tap [Next].',
    notYet: '* The registration is not complete yet.',
    mailSentTitle: 'Temporary registration complete',
    mailSentBody: 'An email for the temporary registration confirmation has been sent to {email}.',
    mailSentClick:
      'Please click the URL in the email within 24 hours of the temporary registration (until {expires}) to complete the formal registration.',
    mailSentNotYet:
      'Please note that the service is not available until the formal registration is complete.',
    confirmTitle: 'Formal registration of billing amount notices',
    confirmLead:
      'Enter your Web Billing registered phone number and tap [To complete the formal registration].',
    phoneLabel: 'Web Billing registered phone number',
    phoneHint:
      'E.g. "09012345678" if a mobile number is registered, "0012345678" if the customer number is the registered line number. Dashes (-) are not needed, but they are accepted.',
    confirmButton: 'To complete the formal registration',
    registeredTitle: 'Formal registration complete',
    registeredBody:
      'The formal registration for billing amount notices is complete. Please check the incoming email.',
    noToken: 'This URL is not valid. Please open the URL in the email exactly as it is.',
    registerAgain: 'Register an address again',
    loginToRegisterAgain: 'Log in to register an address again',
    backToBills: 'Back to the confirmation of charges',
  },
});

/** Passed to the helpers that label a server value. */
export type NotificationStrings = (typeof notificationText)['ja'];
