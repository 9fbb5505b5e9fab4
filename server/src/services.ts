import path from 'node:path';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { MonthPartitions, PARTITIONS_CRON, PARTITIONS_QUEUE } from './db/month-partitions';
import { ReadReplicas } from './db/read-replicas';
import { createJobQueue, runEvery } from './jobs/job-queue';
import { AuditService } from './modules/audit/audit.service';
import { AccountLockout } from './modules/auth/account-lockout';
import { AuthService } from './modules/auth/auth.service';
import { LoginThrottle } from './modules/auth/login-throttle';
import { SessionService } from './modules/auth/session.service';
import { ViewerService } from './modules/auth/viewer.service';
import { BillingService } from './modules/billing/billing.service';
import { BillingExport } from './modules/billing/billing-export';
import { CarrierRegistry } from './modules/billing/carrier-registry';
import { CarrierStatementStore } from './modules/billing/carrier-statement.store';
import { InvoiceLifecycleService } from './modules/billing/invoice-lifecycle.service';
import { MembershipService } from './modules/billing/membership';
import { RetentionService } from './modules/billing/retention.service';
import { CredentialsService } from './modules/credentials/credentials.service';
import { DocumentsService } from './modules/documents/documents.service';
import { ApiKeyService } from './modules/integrations/api-key.service';
import { CarrierChargesService } from './modules/integrations/carrier-charges.service';
import { ChargeImportService } from './modules/integrations/charge-import.service';
import { MailWorker } from './modules/mail/mail.worker';
import { mailboxTransport, smtpTransport } from './modules/mail/mail-transport';
import { OutboxService } from './modules/mail/outbox.service';
import { UndeliveredMail } from './modules/mail/undelivered-mail';
import { BillingNotificationService } from './modules/notifications/billing-notification.service';
import { AuditLogService } from './modules/operators/audit-log.service';
import { OperatorAccountsService } from './modules/operators/operator-accounts.service';
import { OperatorAuthService } from './modules/operators/operator-auth.service';
import { PostcardService } from './modules/operators/postcard.service';
import { ProvisioningService } from './modules/operators/provisioning.service';
import { PaymentService } from './modules/payments/payment.service';
import { createPaymentProvider } from './modules/payments/sandbox-card.provider';
import { PasswordReissueService } from './modules/reissue/password-reissue.service';
import { ReissueEmailService } from './modules/reissue/reissue-email.service';
import { AttemptBudget, purgeExpiredAttempts } from './security/attempt-budget';
import { PasswordHasher } from './security/password-hasher';
import { SecretSeal } from './security/secret-seal';
import { STEP_UP_VALID_SECONDS, StepUp } from './security/step-up';

export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ServiceOptions {
  clock?: Clock;
  /** Run the job queue's workers and maintenance here (the server: yes; a CLI command: no). */
  workers?: boolean;
  log?: Log;
  /** The argon2 hasher (tests count its verifications). */
  hasher?: PasswordHasher;
  /** Connections per read replica (as the primary's pool: 20). */
  poolSize?: number;
}

const silent: Log = { info() {}, warn() {}, error() {} };

/** The composition root: every service built once, by hand, in dependency order. */
export async function createServices(config: Config, db: DataSource, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silent;
  const workers = options.workers ?? false;
  const pool = (db.driver as unknown as { master: Pool }).master;

  const boss = createJobQueue(pool, {
    supervise: workers,
    superviseIntervalSeconds: Math.min(60, config.mail.sendTimeoutSeconds),
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();

  const seal = SecretSeal.fromConfig(config.sealKey, config.dataDir);
  const hasher = options.hasher ?? new PasswordHasher(config.argon2);
  const audit = new AuditService(db, clock);
  const sessions = new SessionService(db, pool, config, clock);
  // Attempt budgets store an HMAC of what was typed, keyed from the seal key (never the text).
  const attemptKeys = seal.derive('attempt-budget-keys');
  const stepUp = new StepUp(
    {
      signature: seal.derive('step-up-signature').toString('hex'),
      key: seal.derive('step-up-key').toString('hex'),
    },
    new AttemptBudget(pool, attemptKeys, { name: 'step-up', limit: 1, windowSeconds: STEP_UP_VALID_SECONDS }),
  );
  const throttle = new LoginThrottle(pool, attemptKeys, config, stepUp);
  const reissueAttempts = new AttemptBudget(pool, attemptKeys, {
    name: 'reissue-id',
    limit: config.reissue.attempts,
    windowSeconds: config.reissue.blockSeconds,
  });
  const viewers = new ViewerService(db);
  const outbox = new OutboxService(boss, seal);
  const lockout = new AccountLockout(db, audit, outbox, config, clock);
  const undeliveredMail = new UndeliveredMail(db, boss, outbox, clock);
  const membership = new MembershipService(db, audit, clock);
  // Changed contact details are announced to the reissue address: billing calls back, mail stays out of billing.
  membership.onContactChanged(async (tx, accountId, at) => {
    const [subscriber]: { id: string }[] = await tx.query(
      'SELECT id FROM subscriber WHERE billing_account_id = $1',
      [accountId],
    );
    if (subscriber) await outbox.enqueueSecurityNotice(tx, subscriber.id, 'CONTACT_DETAILS_CHANGED', at);
  });
  const mailTransport = config.mail.smtpUrl
    ? smtpTransport(config.mail.smtpUrl)
    : mailboxTransport(path.join(config.dataDir, 'mail'));
  const mailWorker = new MailWorker(db, boss, mailTransport, seal, config, clock, log);
  const billingNotifications = new BillingNotificationService(db, boss, outbox, audit, config, clock);
  await mailWorker.ensureQueue();
  const retentionJob = new RetentionService(db, boss, clock);
  // Bill reads go to a healthy standby when DATABASE_REPLICA_URLS names any; everything else, and any
  // read of what the same request just wrote, stays on the primary.
  const replicas = new ReadReplicas(pool, config.replicas.urls, {
    maxLagMs: config.replicas.maxLagMs,
    poolSize: options.poolSize ?? 20,
    log,
  });
  await replicas.start();
  const billing = new BillingService(replicas, clock);
  const billingOnPrimary = new BillingService(pool, clock);
  const invoices = new InvoiceLifecycleService(db, audit, clock);
  // A confirmed invoice is announced by mail: billing calls back, notifications stay out of billing.
  invoices.onConfirmed((tx, invoice) => billingNotifications.schedule(tx, invoice.id, invoice.dueDate));
  // …and a payment with a receipt mail, in the paying transaction.
  invoices.onPaid((tx, invoice) => billingNotifications.enqueueReceipt(tx, invoice));
  const statements = new CarrierStatementStore(pool);
  await billingNotifications.ensureQueue();
  await retentionJob.ensureQueue();
  // Every process that writes makes sure this month's partitions and the next ones exist before it
  // serves (a clock past the months made ahead would otherwise refuse writes); the job keeps them ahead.
  const partitions = new MonthPartitions(db, clock);
  await partitions.ensureAhead();
  if (workers) {
    await mailWorker.start();
    await billingNotifications.startWorker(config.mail.pollSeconds);
    await retentionJob.startWorker();
    await undeliveredMail.startWorker();
    // Expired attempt rows are deleted every 15 minutes.
    await runEvery(boss, 'attempt-purge', '*/15 * * * *', () => purgeExpiredAttempts(pool));
    await runEvery(boss, PARTITIONS_QUEUE, PARTITIONS_CRON, () => partitions.ensureAhead());
  }

  const payments = new PaymentService(
    db,
    billingOnPrimary,
    replicas,
    invoices,
    createPaymentProvider(config.payments.provider),
    audit,
    config,
    clock,
  );
  const provisioning = new ProvisioningService(db, hasher, seal, audit, config, clock);
  const auditLog = new AuditLogService(db);

  return {
    config,
    clock,
    db,
    pool,
    replicas,
    boss,
    hasher,
    audit,
    sessions,
    throttle,
    stepUp,
    viewers,
    outbox,
    mailTransport,
    mailWorker,
    undeliveredMail,
    auth: new AuthService(db, pool, hasher, sessions, throttle, lockout, audit, clock),
    credentials: new CredentialsService(db, hasher, sessions, audit, lockout, outbox, clock),
    billing,
    payments,
    documents: new DocumentsService(billing, new BillingExport(replicas), payments, audit, clock),
    membership,
    billingNotifications,
    retention: retentionJob,
    partitions,
    invoices,
    statements,
    charges: new CarrierChargesService(pool, billingOnPrimary, statements, invoices, clock),
    carriers: new CarrierRegistry(pool, clock),
    chargeImport: new ChargeImportService(pool, clock, statements),
    provisioning,
    auditLog,
    postcards: new PostcardService(db, seal, audit, clock),
    operatorAccounts: new OperatorAccountsService(
      db,
      hasher,
      seal,
      sessions,
      throttle,
      reissueAttempts,
      outbox,
      audit,
      auditLog,
      provisioning,
      config,
      clock,
    ),
    apiKeys: new ApiKeyService(db, pool, audit, config, clock),
    operatorAuth: new OperatorAuthService(db, pool, hasher, audit, config, clock),
    reissueEmails: new ReissueEmailService(db, hasher, outbox, audit, config, clock),
    passwordReissue: new PasswordReissueService(
      db,
      hasher,
      outbox,
      throttle,
      reissueAttempts,
      audit,
      config,
      clock,
    ),
    /** Stops the queue (waiting for a mail being sent) and the mail transport. */
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      mailTransport.close();
      await replicas.stop();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
