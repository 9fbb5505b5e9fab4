import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { SecretQuestion } from './secret-question.type';

@ObjectType({
  description: 'The email address for password reissue: the active one and any change awaiting confirmation.',
})
export class ReissueEmailStatus {
  @Field(() => String, { nullable: true, description: 'The confirmed address reissued passwords go to.' })
  email: string | null;

  @Field(() => SecretQuestion, { nullable: true })
  secretQuestion: SecretQuestion | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new address whose confirmation link has not been used yet.',
  })
  pendingEmail: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  pendingExpiresAt: Date | null;
}
