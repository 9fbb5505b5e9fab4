import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

// Lengths here are only guard rails against oversized requests; the rules are checked by the carrier
// registry and come back as FieldErrors.

@InputType({
  description:
    'A carrier and its qualified-invoice issuer details. Creates the carrier or replaces all of these; ' +
    'sending the same values again changes nothing.',
})
export class UpsertCarrierInput {
  @Field(() => String, { description: 'As statements name it, e.g. NTT_EAST (capitals, digits, _).' })
  @MaxLength(40)
  code: string;

  @Field(() => String, { description: 'Display name in Japanese, e.g. NTTドコモ.' })
  @MaxLength(400)
  nameJa: string;

  @Field(() => String, { description: 'Display name in English, e.g. NTT Docomo.' })
  @MaxLength(400)
  nameEn: string;

  @Field(() => String, { description: 'Legal name as registered, e.g. 株式会社NTTドコモ.' })
  @MaxLength(400)
  legalName: string;

  @Field(() => String, {
    description:
      'T and 13 digits with a valid check digit; full-width characters, spaces and dashes are accepted.',
  })
  @MaxLength(40)
  registrationNumber: string;
}
