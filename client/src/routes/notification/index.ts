// One chunk for the billing-amount notification screens (guide 4), loaded on first use.
export { NotificationConfirmPage } from './Confirm';
export { NotificationPage } from './Notification';
export { NotificationRegisterPage } from './Register';
