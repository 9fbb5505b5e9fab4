import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The contract being billed: what the top screen identifies the subscriber by. */
@Entity({ name: 'billing_account' })
export class BillingAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Public, human-facing number printed on bills and used by the call centre. */
  @Column({ name: 'customer_number', type: 'text', unique: true })
  customerNumber: string;

  @Column({ name: 'holder_name', type: 'text' })
  holderName: string;

  @Column({ name: 'postal_address', type: 'text', default: '' })
  postalAddress: string;

  /** Digits only (normalised on the way in). */
  @Column({ name: 'registered_phone_number', type: 'text' })
  registeredPhoneNumber: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
