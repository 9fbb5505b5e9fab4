import type { Lang } from '../../../i18n/messages';

export interface RenderedMail {
  subject: string;
  text: string;
}

export type SecurityNoticeKind =
  | 'PASSWORD_CHANGED'
  | 'ACCOUNT_LOCKED'
  | 'REISSUE_EMAIL_CHANGED'
  | 'REISSUE_EMAIL_DELETED'
  | 'REISSUE_BLOCKED'
  | 'CREDENTIALS_REISSUED_BY_POSTCARD'
  | 'ACCOUNT_UNLOCKED'
  | 'REISSUE_BLOCK_LIFTED'
  | 'BILLING_NOTIFICATION_EMAIL_CHANGED'
  | 'CONTACT_DETAILS_CHANGED';

/** Every mail the system sends, with the parameters it needs. Secrets travel sealed, never in params. */
export type MailMessage =
  | { template: 'reissue-email-confirmation'; params: { expiresAt: string }; secrets: { token: string } }
  | { template: 'reissue-email-registered'; params: Record<string, never>; secrets?: undefined }
  | { template: 'reissued-password'; params: { expiresAt: string }; secrets: { password: string } }
  | { template: 'security-notice'; params: { kind: SecurityNoticeKind; at: string }; secrets?: undefined }
  | {
      template: 'billing-notification-confirmation';
      params: { expiresAt: string };
      secrets: { token: string };
    }
  | { template: 'billing-notification-registered'; params: Record<string, never>; secrets?: undefined }
  | {
      template: 'billing-amount';
      params: { billingMonth: string; billingAmount: number; dueDate: string };
      secrets?: undefined;
    }
  | {
      template: 'payment-receipt';
      params: {
        billingMonth: string;
        amount: number;
        paidAt: string;
        method: string;
        cardBrand: string | null;
        cardLast4: string | null;
      };
      secrets?: undefined;
    };

export type MailTemplateName = MailMessage['template'];

export interface RenderContext {
  lang: Lang;
  publicUrl: string;
}
