import { normalizeEmail as clientNormalizeEmail } from '../../client/src/normalize';
import { normalizeEmail as serverNormalizeEmail } from '../../server/src/shared/email';

// The review screens echo the client's copy of the rule; the mail goes where the server's sends it.
const TYPED = [
  'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
  '\u3000Ｔａｒｏ．Ｙａｍａｄａ＠ＥＸＡＭＰＬＥ．ＪＰ\u3000',
  '  Hanako@Mail.Example.CO.JP ',
  'ｶﾀｶﾅ@example.jp',
  'no-at-sign',
  'a@b@Ｃ．ＣＯＭ',
  '',
];

it.each(TYPED)('the client folds %p as the server does', (typed) => {
  expect(clientNormalizeEmail(typed)).toBe(serverNormalizeEmail(typed));
});

it('folds full width, trims and lower-cases the domain only', () => {
  expect(clientNormalizeEmail('\u3000Ｔａｒｏ＠ＥＸＡＭＰＬＥ．ＪＰ ')).toBe('Taro@example.jp');
});
