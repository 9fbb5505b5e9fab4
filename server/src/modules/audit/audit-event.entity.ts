import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every security event (SPEC §2.4). Never holds a secret. */
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  // Part of the primary key: the table is partitioned by month of occurred_at (migration 1765300000000).
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz', primary: true })
  occurredAt: Date;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ name: 'subscriber_id', type: 'uuid', nullable: true })
  subscriberId: string | null;

  @Column({ name: 'billing_account_id', type: 'uuid', nullable: true })
  billingAccountId: string | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail: Record<string, unknown>;
}
