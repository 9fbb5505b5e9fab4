// One chunk for the reissue-address screens (loaded on first use).
export { ReissueEmailConfirmPage } from './Confirm';
export { ReissueEmailRegisterPage } from './Register';
export { ReissueEmailPage } from './ReissueEmail';
