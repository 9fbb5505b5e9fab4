import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PaymentMethod {
  CARD = 'CARD',
  PAYEASY = 'PAYEASY',
  OTHER = 'OTHER',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

/** What an integrator may record: card payments only ever come from the card flow itself. */
export enum RecordedPaymentMethod {
  PAYEASY = 'PAYEASY',
  OTHER = 'OTHER',
}
registerEnumType(RecordedPaymentMethod, {
  name: 'RecordedPaymentMethod',
  description: 'PAYEASY: paid with the slip numbers; OTHER: bank transfer, counter, etc.',
});

export enum CardBrand {
  VISA = 'VISA',
  MASTERCARD = 'MASTERCARD',
  JCB = 'JCB',
  AMEX = 'AMEX',
  DINERS = 'DINERS',
}
registerEnumType(CardBrand, { name: 'CardBrand' });

@ObjectType({
  description: 'The successful payment of a bill (領収). A card is shown by brand and last four digits only.',
  simpleResolvers: true,
})
export class Receipt {
  @Field(() => String) id: string;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => Int, { description: 'Yen.' }) amount: number;
  @Field(() => DateTimeISOResolver) paidAt: Date;
  @Field(() => CardBrand, { nullable: true }) cardBrand: CardBrand | null;
  @Field(() => String, { nullable: true }) cardLast4: string | null;
  @Field(() => String, { nullable: true, description: "The gateway's or the bank's reference." })
  reference: string | null;
}

@ObjectType({
  description:
    'Pay-easy (ペイジー) payment numbers for one bill: key them in at an ATM or in online banking.',
  simpleResolvers: true,
})
export class PayEasySlip {
  @Field(() => String) billingMonth: string;
  @Field(() => String, { description: '収納機関番号 (5 digits).' }) collectionAgencyNumber: string;
  @Field(() => String, { description: 'お客様番号.' }) customerNumber: string;
  @Field(() => String, { description: '確認番号 (6 digits).' }) confirmationNumber: string;
  @Field(() => Int, { description: 'Yen.' }) amount: number;
  @Field(() => String, { description: 'Last day to pay, YYYY-MM-DD (Japan time).' }) expiresOn: string;
  @Field(() => [String], { description: 'How to pay, in the language of the request.' })
  instructions: string[];
}
