import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PostcardStatus = 'PENDING' | 'MAILED' | 'CANCELLED';
export type PostcardKind = 'PROVISION' | 'REISSUE';

/**
 * A queued postcard carrying initial credentials. The password must be printable until the card is
 * mailed, so it is kept encrypted (AES-256-GCM, key in config) and wiped once mailed.
 */
@Entity({ name: 'postcard' })
export class Postcard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'billing_account_id', type: 'uuid' })
  billingAccountId: string;

  @Column({ type: 'text', default: 'PENDING' })
  status: PostcardStatus;

  @Column({ type: 'text', default: 'PROVISION' })
  kind: PostcardKind;

  @Column({ name: 'initial_login_id', type: 'text' })
  initialLoginId: string;

  /** base64(iv | tag | ciphertext); null once mailed or cancelled. */
  @Column({ name: 'initial_password_sealed', type: 'text', nullable: true })
  initialPasswordSealed: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'mailed_at', type: 'timestamptz', nullable: true })
  mailedAt: Date | null;

  /** Set when a newer reissue replaced the card before it was mailed; its password is wiped then. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
