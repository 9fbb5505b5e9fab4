import type { Dictionary } from './ja';

// English wording, following the English "Smart Phone" guide where it has one.
export const en: Dictionary = {
  appName: 'Web Billing',
  skipToContent: 'Skip to main content',
  languageLabel: 'Language',
  loading: 'Loading…',
  offline: 'You are offline. Reconnect to the network to continue.',
  comingSoon: 'This feature is coming soon.',
  ok: 'OK',
  retry: 'Retry',
  back: 'Back',
  cancel: 'Cancel',
  fieldRequired: 'Please enter this item.',
  selectRequired: 'Please choose one.',
  required: 'required',
  showPassword: 'Show',
  hidePassword: 'Hide',
  showPasswordLabel: 'Show password',
  formHasErrors: 'Some entries are not valid. Please check the message at each field.',

  errUnauthenticated: 'Your session has expired. Please log in again.',
  errForbidden: 'You are not allowed to do this.',
  errCredentialChangeRequired: 'Please finish changing your login ID and password first.',
  errRateLimited: 'Too many requests. Please wait a while and try again.',
  errBadUserInput: 'Please check what you entered.',
  errInternal: 'A system error occurred. Please wait a while and try again.',
  errNetwork: 'Could not reach the server. Please check your connection and try again.',
  errOffline: 'You are offline, so the server cannot be reached. Reconnect and try again.',
  errUnknown: 'An unexpected error occurred. Please try again.',
  sessionExpired: 'Your session has expired. Please log in again.',
  loggedOut: 'You have been logged out.',

  loginTitle: 'Login',
  loginLead:
    'Enter your login ID and password. For your first login, enter the initial login ID and initial login password written on the postcard.',
  loginId: 'Login ID',
  loginPassword: 'Password',
  loginButton: 'Login',
  forgotLink: 'Forgot your login ID or password?',
  reissueAgainLink: 'Reissue a login password',

  reissuedNoticeTitle: 'Change your password',
  reissuedNoticeBody:
    'You logged in with a reissued password. Next, change it to a login password chosen by you.',
  reissuedNoticeHint:
    'On the next screen, enter the new password written in the email as the "Initial password".',

  initialNoticeTitle: 'Initial login has been completed.',
  initialNoticeNext: 'Registration of an ID and password chosen by you will be the next step.',
  initialNoticeAttention: 'Please note',
  initialNoticeBody:
    'The initial login ID and initial login password sent to you are used only at the initial login. For security, please change the ID and password after your initial login.',
  initialNoticePostcard:
    'For the next step, the postcard with the initial login ID and password is also required. Please do not discard it.',

  forgotTitle: 'Forgot your login ID or password?',
  forgotSelfService:
    'If you have forgotten your login password or it is locked, a new login password is sent to your registered email address.',
  forgotCallCentre:
    'If you forgot your login ID, or forgot your password and have not registered an email address, please call the Web Billing section below. After your call we reissue a login ID and password and send them by postcard. The postcard takes about one week to arrive.',
  forgotFormTitle: 'Reissue a login password',
  forgotFormLead: 'For customers who have registered an email address for password reissue.',
  forgotNoAnswerNote:
    '* If you have not registered an email address, or forgot the secret question and answer, please apply by phone.',
  stepInput: 'Input',
  stepDone: 'Done',
  stepsLabel: 'Steps',
  registeredEmail: 'Registered email address',
  loginIdPlaceholder: 'Enter your login ID',
  emailPlaceholder: 'e.g. abc@hbcdefgh.jp',
  issueButton: 'Send',
  forgotDoneTitle: 'Login password reissued',
  backToLoginPage: 'To login screen',
  contactTitle: 'Contact',
  contactDesk: 'Web Billing section in charge',
  contactPhone: '0800-333-0030',
  contactHours:
    'Hours: 9:00–17:00, Monday to Friday (closed on public holidays and Dec 29 – Jan 3). Inquiries are in Japanese only.',
  contactNote: 'Please call in person as the contract holder. Mobile phones can also be used.',
  backToLogin: 'Back to login',

  changeInitialTitle: 'Change login ID and password',
  changeInitialLead:
    'Change to a login ID and password chosen by you. Also enter the initial login ID and initial password written on the postcard.',
  initialLoginId: 'Initial login ID',
  newLoginId: 'New login ID',
  newLoginIdConfirmation: 'New login ID (confirmation)',
  initialPassword: 'Initial password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordConfirmation: 'New password (confirmation)',
  updateButton: 'Update',
  idConditionsTitle: 'Conditions for the new login ID',
  idConditions: [
    '5 to 31 one-byte characters mixing letters and digits (letters only or digits only are not allowed).',
    'Not used by other customers.',
    'Different from the new password.',
    'The following 20 symbols can be used in a login ID.',
  ],
  passwordConditionsTitle: 'Conditions for the new password',
  passwordConditions: [
    '8 to 32 one-byte characters using at least 3 of the 4 kinds: upper-case letters, lower-case letters, digits, symbols.',
    'Does not contain the login ID.',
    'Not one of your last 3 passwords, the current one included.',
    'The following 20 symbols can be used in a password.',
  ],
  symbolsLabel: 'Allowed symbols (20)',

  changeInitialDoneTitle: 'Change completed',
  changeInitialDoneBody:
    'Changing the initial login ID and password is now completed. Please do not forget the login ID and password you chose, as this information is important.',
  reissueEmailPromptTitle: 'Email address for password reissue',
  reissueEmailPromptBody:
    'By registering an email address and a secret question in advance, a reissued password is sent to you by email when you forget your password or it gets locked. Without it, a reissued password is sent by postcard after you call us, which takes about one week.',
  reissueEmailPromptQuestion: 'Register the email address for password reissue now?',
  registerNow: 'Register now',
  registerLater: 'Register later',

  topTitle: 'Web Billing Top',
  registeredPhoneNumber: 'Registered phone number / contract number',
  holderName: 'Contract holder',
  customerNumber: 'Customer number',
  menuTitle: 'Menu',
  menuChangePassword: 'Change password',
  menuReissueEmail: 'Email address for password reissue',
  menuBills: 'Billing information',
  logout: 'Log out',
  honorific: '',

  changePasswordTitle: 'Change password',
  changePasswordLead: 'Enter your current password and a new password.',
  changePasswordDoneTitle: 'Password changed',
  forcedChangeTitle: 'Change initial password',
  forcedChangeLead:
    'Enter the new password sent to you by email as the "Initial password", then register a new password.',
  forcedChangeDoneTitle: 'Initial password changed',
  passwordDoneBody: 'From next time, please log in with the new password.',
  backToTop: 'Back to Top',

  reissueEmailTitle: 'Email address to reissue a login password',
  reissueEmailLead:
    'Register or change the email address, secret question and answer used to reissue a login password.',
  reissueEmailNoneNote:
    '* Without this email address, if you forget your password you need to call us, and the reissued password is sent by postcard (about one week).',
  reissueEmailNone: 'No email address to reissue a login password is registered.',
  reissueEmailActive: 'Registered email address',
  email: 'Email address',
  emailConfirmation: 'Email address (confirmation)',
  secretQuestion: 'Secret question',
  secretAnswer: 'Answer to the secret question',
  secretQuestionPlaceholder: 'Choose a question',
  secretAnswerPlaceholder: 'Enter the answer to the secret question',
  secretAnswerHint: 'Up to 50 characters. You will need it to reissue your password.',
  secretQuestionsFailed: 'Could not load the secret questions.',
  registerButton: 'Register',
  changeButton: 'Make a change',
  deleteButton: 'Delete',
  confirmButton: 'Confirm',
  reissuePendingTitle: 'Email address awaiting confirmation',
  reissuePendingBody:
    'A confirmation email has been sent. Click the URL in it and enter the secret question and answer to complete the registration.',
  reissuePendingExpires: 'URL valid until',
  reissuePendingActiveNote: 'Until then, the current email address stays in use.',
  reissueDeleteQuestion:
    'Delete the email address to reissue a login password? Without it, a forgotten password can only be reissued by phone and postcard.',
  reissueDeleteConfirm: 'Delete',
  reissueDeleted: 'The email address to reissue a login password has been deleted.',
  reissueRegisterTitle: 'Register email address',
  reissueChangeTitle: 'Change email address',
  reissueReviewTitle: 'Confirm your entries',
  reissueRegisterLead:
    'Enter the email address (one-byte) and the information used to reissue a login password (secret question and answer), then tap [Confirm].',
  reissueReviewLead: 'If everything is correct, tap [Update].',
  reissueNotYet: '* Registration is not completed yet.',
  reissueMailSentTitle: 'Confirmation email sent',
  reissueMailSentBody: 'A confirmation email has been sent to {email}.',
  reissueMailSentClick:
    'Please click the URL in the email within 24 hours (by {expires}) to complete the registration.',
  reissueMailSentNotYet:
    'Registration is not completed yet. If you cannot complete it within 24 hours, please register again.',
  reissueConfirmTitle: 'Register email address',
  reissueConfirmLead: 'Please input the secret question and answer, and then tap the register button.',
  reissueNoToken: 'This URL is not complete. Please open the URL in the email exactly as it is.',
  reissueRegisteredTitle: 'Registration completed',
  reissueRegisteredBody:
    'Registrations for the email address to reissue a login password and the secret question are now completed.',
  registerAgain: 'Register again',
  loginToRegisterAgain: 'Log in and register again',

  mailboxTitle: 'Development mailbox',
  mailboxLead: 'Mails sent in development, newest first. Not available in production.',
  mailboxUnavailable: 'The development mailbox is not available (production, or mails are sent over SMTP).',
  mailboxEmpty: 'No mails.',
  mailboxBack: 'Back to the list',
  mailFrom: 'From',
  mailTo: 'To',
  mailDate: 'Date',
  mailSubject: 'Subject',
  mailNoSubject: '(no subject)',

  notFoundTitle: 'Page not found',
};
