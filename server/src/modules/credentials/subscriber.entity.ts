import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RequiredAction } from '../../shared/required-action';
import { BillingAccount } from '../billing/billing-account.entity';

/**
 * The subscriber's login identity for one billing account. Exactly one of two credential pairs is in
 * force: the initial (postcard) pair until the subscriber has chosen their own, then the chosen pair.
 * Secrets are argon2id hashes and never leave the server.
 */
@Entity({ name: 'subscriber' })
export class Subscriber {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'billing_account_id', type: 'uuid', unique: true })
  billingAccountId: string;

  @OneToOne(() => BillingAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'billing_account_id' })
  billingAccount?: BillingAccount;

  /** Chosen by the subscriber; unique case-insensitively (index on lower(login_id)). */
  @Column({ name: 'login_id', type: 'text', nullable: true })
  loginId: string | null;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** Postcard credentials; cleared the moment the subscriber chooses their own. */
  @Column({ name: 'initial_login_id', type: 'text', nullable: true })
  initialLoginId: string | null;

  @Column({ name: 'initial_password_hash', type: 'text', nullable: true })
  initialPasswordHash: string | null;

  @Column({ name: 'initial_expires_at', type: 'timestamptz', nullable: true })
  initialExpiresAt: Date | null;

  /** A mailed one-time password (SPEC §2.3): it only opens the CHANGE_PASSWORD screen, for 24 h. */
  @Column({ name: 'reissue_password_hash', type: 'text', nullable: true })
  reissuePasswordHash: string | null;

  @Column({ name: 'reissue_expires_at', type: 'timestamptz', nullable: true })
  reissueExpiresAt: Date | null;

  @Column({ name: 'required_action', type: 'text', default: RequiredAction.NONE })
  requiredAction: RequiredAction;

  @Column({ name: 'failed_login_count', type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
