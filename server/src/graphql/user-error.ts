import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { type Lang, message } from '../i18n/messages';
import type { PolicyIssue } from '../shared/policy-issue';

/** Every expected failure a client should show to a person implements this (SPEC §8). */
@InterfaceType({
  description: 'An expected, user-facing failure. `message` is localised by Accept-Language.',
})
export abstract class UserError {
  // Plain data, read straight off the object in every implementation (no per-field wrapper).
  @Field(() => String, { description: 'Stable machine-readable code.', simple: true })
  code: string;

  @Field(() => String, { simple: true })
  message: string;
}

@ObjectType({ description: 'One failing validation rule of one input field.' })
export class FieldError {
  @Field(() => String, { description: 'The input field name, e.g. `newPassword`.' })
  field: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;
}

@ObjectType({ implements: UserError, description: 'Every failing rule, all at once.' })
export class FieldErrors extends UserError {
  @Field(() => [FieldError])
  errors: FieldError[];

  static of(lang: Lang, issues: readonly PolicyIssue[]): FieldErrors {
    return Object.assign(new FieldErrors(), {
      code: 'VALIDATION_FAILED',
      message: message(lang, 'VALIDATION_FAILED'),
      errors: issues.map((i) => Object.assign(new FieldError(), { ...i, message: message(lang, i.code) })),
    });
  }
}

/** Builds a `UserError` member of a union result with its localised message. */
export function userError<T extends UserError>(Type: new () => T, code: string, lang: Lang): T {
  return Object.assign(new Type(), { code, message: message(lang, code) });
}
