import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Guide 1-4: the postcard pair again, then the chosen ID and password, each twice. */
@InputType()
export class ChangeInitialCredentialsInput {
  @Field(() => String) @MaxLength(200) initialLoginId: string;
  @Field(() => String) @MaxLength(200) initialPassword: string;
  @Field(() => String) @MaxLength(200) newLoginId: string;
  @Field(() => String) @MaxLength(200) newLoginIdConfirmation: string;
  @Field(() => String) @MaxLength(200) newPassword: string;
  @Field(() => String) @MaxLength(200) newPasswordConfirmation: string;
}
