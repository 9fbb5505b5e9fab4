import { MaxLength } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  createUnionType,
  Field,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { GraphQLContext } from '../../graphql/context';
import { requireSession } from '../../graphql/errors';
import { FieldErrors } from '../../graphql/user-error';
import { checkEmail, normalizeEmail } from '../../shared/email';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AuditEventType, type AuditService } from '../audit/audit.service';
import { normalizePhoneNumber } from './phone-number';

@ObjectType({
  description: 'Membership information (guide 2 menu): the contract and how to reach the holder.',
})
export class Membership {
  @Field(() => String) customerNumber: string;
  @Field(() => String) holderName: string;
  @Field(() => String) postalAddress: string;
  @Field(() => String) registeredPhoneNumber: string;
  @Field(() => String, { nullable: true }) contactPhoneNumber: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
}

/** Empty strings clear a field. */
@InputType()
export class UpdateContactDetailsInput {
  @Field(() => String) @MaxLength(40) contactPhoneNumber: string;
  @Field(() => String) @MaxLength(300) contactEmail: string;
}

@ObjectType()
export class ContactDetailsUpdated {
  @Field(() => Membership) membership: Membership;
}

export const UpdateContactDetailsResult = createUnionType({
  name: 'UpdateContactDetailsResult',
  types: () => [ContactDetailsUpdated, FieldErrors] as const,
});

interface MembershipRow {
  customer_number: string;
  holder_name: string;
  postal_address: string;
  registered_phone_number: string;
  contact_phone_number: string | null;
  contact_email: string | null;
}

const toMembership = (r: MembershipRow) =>
  Object.assign(new Membership(), {
    customerNumber: r.customer_number,
    holderName: r.holder_name,
    postalAddress: r.postal_address,
    registeredPhoneNumber: r.registered_phone_number,
    contactPhoneNumber: r.contact_phone_number,
    contactEmail: r.contact_email,
  });

const COLUMNS =
  'customer_number, holder_name, postal_address, registered_phone_number, contact_phone_number, contact_email';

type ContactChangedListener = (tx: EntityManager, accountId: string, at: Date) => Promise<void>;

export class MembershipService {
  private contactChanged: ContactChangedListener = async () => {};

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Called in the change's transaction (the composition root mails the "was this you?" notice). */
  onContactChanged(listener: ContactChangedListener): void {
    this.contactChanged = listener;
  }

  async get(accountId: string): Promise<MembershipRow> {
    const [row]: MembershipRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM billing_account WHERE id = $1`,
      [accountId],
    );
    return row;
  }

  async updateContact(
    accountId: string,
    input: { contactPhoneNumber: string; contactEmail: string },
    clientAddress: string,
  ): Promise<{ kind: 'updated'; row: MembershipRow } | { kind: 'rejected'; issues: PolicyIssue[] }> {
    const issues: PolicyIssue[] = [];
    const phoneInput = input.contactPhoneNumber.trim();
    const phone = phoneInput ? normalizePhoneNumber(phoneInput) : null;
    if (phoneInput && !phone) issues.push({ field: 'contactPhoneNumber', code: 'PHONE_NUMBER_INVALID' });
    const email = input.contactEmail.trim() ? normalizeEmail(input.contactEmail) : null;
    if (email) issues.push(...checkEmail(email, 'contactEmail'));
    if (issues.length > 0) return { kind: 'rejected', issues };
    const row = await this.db.transaction(async (tx) => {
      const [before]: MembershipRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM billing_account WHERE id = $1 FOR UPDATE`,
        [accountId],
      );
      const [[after]] = (await tx.query(
        `UPDATE billing_account SET contact_phone_number = $2, contact_email = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
        [accountId, phone, email],
      )) as [MembershipRow[], number];
      const changed = [
        ...(before.contact_phone_number !== phone ? ['contactPhoneNumber'] : []),
        ...(before.contact_email !== email ? ['contactEmail'] : []),
      ];
      if (changed.length > 0) {
        const now = this.clock.now();
        // What changed, not the values: the audit trail holds no contact details.
        await this.audit.record(
          {
            event: AuditEventType.CONTACT_DETAILS_CHANGED,
            outcome: 'SUCCESS',
            billingAccountId: accountId,
            clientAddress,
            detail: { changed },
          },
          tx,
        );
        await this.contactChanged(tx, accountId, now);
      }
      return after;
    });
    return { kind: 'updated', row };
  }
}

@Resolver()
export class MembershipResolver {
  constructor(private readonly members: MembershipService) {}

  @Authorized()
  @Query(() => Membership, { description: 'View membership information.' })
  async membership(@Ctx() ctx: GraphQLContext): Promise<Membership> {
    return toMembership(await this.members.get(requireSession(ctx).billingAccountId));
  }

  @Authorized()
  @Mutation(() => UpdateContactDetailsResult, { description: 'Change contact details (empty clears).' })
  async updateContactDetails(
    @Arg('input', () => UpdateContactDetailsInput) input: UpdateContactDetailsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof UpdateContactDetailsResult> {
    const outcome = await this.members.updateContact(
      requireSession(ctx).billingAccountId,
      input,
      ctx.clientAddress,
    );
    if (outcome.kind === 'rejected') return FieldErrors.of(ctx.lang, outcome.issues);
    return Object.assign(new ContactDetailsUpdated(), { membership: toMembership(outcome.row) });
  }
}
