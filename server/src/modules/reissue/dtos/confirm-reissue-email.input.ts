import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** Guide 1-10 / 5 (10)–(11): the token from the mailed link, and the question and answer again. */
@InputType()
export class ConfirmReissueEmailInput {
  @Field(() => String, { description: 'From the link fragment `#token=…`.' })
  @MaxLength(200)
  token: string;

  @Field(() => ID) @MaxLength(20) secretQuestionId: string;
  @Field(() => String) @MaxLength(200) secretAnswer: string;
}
