export { PayPage } from './Pay';
