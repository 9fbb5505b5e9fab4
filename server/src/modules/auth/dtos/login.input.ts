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

  @Field(() => String, {
    nullable: true,
    description:
      'After `StepUpRequired`: the solved proof of work (base64 JSON of `{ challenge, solution }`).',
  })
  @MaxLength(4000)
  proof?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Non-browser clients: return the session token for `Authorization: Bearer` instead of a cookie.',
  })
  bearer: boolean;
}
