import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in force (after a reissue: the mailed one).' })
  @MaxLength(200)
  currentPassword: string;

  @Field(() => String) @MaxLength(200) newPassword: string;
  @Field(() => String) @MaxLength(200) newPasswordConfirmation: string;
}
