import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class LoginInput {
  @Field(() => String)
  @MaxLength(200)
  loginId: string;

  @Field(() => String)
  @MaxLength(200)
  password: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Non-browser clients: return the session token for `Authorization: Bearer` instead of a cookie.',
  })
  bearer: boolean;
}
