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

  initialNoticeTitle: 'Initial login has been completed.',
  initialNoticeNext: 'Registration of an ID and password chosen by you will be the next step.',
  initialNoticeAttention: 'Please note',
  initialNoticeBody:
    'The initial login ID and initial login password sent to you are used only at the initial login. For security, please change the ID and password after your initial login.',
  initialNoticePostcard:
    'For the next step, the postcard with the initial login ID and password is also required. Please do not discard it.',

  forgotTitle: 'Forgot your login ID or password?',
  forgotSelfService:
    'Self-service reissue of a new login password to your registered email address is coming soon.',
  forgotCallCentre:
    'If you forgot your login ID, or forgot your password and have not registered an email address, please call the Web Billing desk below. After your call we reissue a login ID and password and send them by postcard. The postcard takes about one week to arrive.',
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

  notFoundTitle: 'Page not found',
};
