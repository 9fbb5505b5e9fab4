import {
  Browser,
  CHANGE_INITIAL,
  CHANGE_PASSWORD,
  issuesOf,
  LOGIN,
  LOGOUT,
  ME,
} from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function provision() {
  return t.services.provisioning.provision(
    { holderName: '山田 太郎', registeredPhoneNumber: '03-1234-5678', postalAddress: '東京都港区' },
    { via: 'test' },
  );
}

const uniqueId = () => `taro${Math.floor(Math.random() * 1e8)}`;

describe('postcard to own credentials (SPEC 2.2 steps 1–4, 8)', () => {
  it('walks the whole journey: initial login, forced change, logout, login with the new pair', async () => {
    const card = await provision();
    const browser = new Browser(t.url);
    const loginId = uniqueId();
    const password = 'Sakura#2024x';

    // Step 2: the postcard pair opens a session that must change credentials first.
    const first = await browser.gql(LOGIN, {
      input: { loginId: card.initialLoginId, password: card.initialPassword },
    });
    expect(first.data?.login).toMatchObject({
      __typename: 'LoginSuccess',
      requiredAction: 'CHANGE_INITIAL_CREDENTIALS',
      sessionToken: null,
      viewer: {
        loginId: card.initialLoginId,
        customerNumber: card.customerNumber,
        registeredPhoneNumber: '0312345678',
      },
    });
    const initialCookie = browser.cookie;
    expect(initialCookie).toMatch(/^wb_session=wbs_/);

    // Step 3: the change, with the ID typed in full-width (folded to one-byte).
    const fullWidthId = loginId.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const changed = await browser.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: card.initialLoginId.toUpperCase(),
        initialPassword: card.initialPassword,
        newLoginId: fullWidthId,
        newLoginIdConfirmation: loginId,
        newPassword: password,
        newPasswordConfirmation: password,
      },
    });
    expect(changed.data?.changeInitialCredentials).toMatchObject({
      __typename: 'CredentialsChanged',
      viewer: { loginId, requiredAction: 'NONE' },
    });
    // Rotation: the session cookie changed and the old one no longer works.
    expect(browser.cookie).not.toEqual(initialCookie);
    const stale = new Browser(t.url);
    stale.cookie = initialCookie;
    expect((await stale.gql(ME)).data?.me).toBeNull();
    expect((await browser.gql(ME)).data?.me).toMatchObject({
      loginId,
      requiredAction: 'NONE',
      holderName: '山田 太郎',
    });

    // The postcard pair stops working at once.
    const again = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: card.initialLoginId, password: card.initialPassword },
    });
    expect(again.data?.login.__typename).toBe('InvalidCredentials');

    // Logout ends the session on the server, not just in the browser.
    const cookieBeforeLogout = browser.cookie;
    expect((await browser.gql(LOGOUT)).data?.logout).toBe(true);
    const replay = new Browser(t.url);
    replay.cookie = cookieBeforeLogout;
    expect((await replay.gql(ME)).data?.me).toBeNull();

    // Step 4: the chosen pair, with the ID in another case.
    const second = await browser.gql(LOGIN, { input: { loginId: loginId.toUpperCase(), password } });
    expect(second.data?.login).toMatchObject({ __typename: 'LoginSuccess', requiredAction: 'NONE' });
  });

  it('allows nothing but me, the change and logout until the initial change is done', async () => {
    const card = await provision();
    const browser = new Browser(t.url);
    await browser.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
    const blocked = await browser.gql(CHANGE_PASSWORD, {
      input: {
        currentPassword: card.initialPassword,
        newPassword: 'Sakura#2024x',
        newPasswordConfirmation: 'Sakura#2024x',
      },
    });
    expect(blocked.errors?.[0].extensions?.code).toBe('CREDENTIAL_CHANGE_REQUIRED');
    expect((await browser.gql(ME)).data?.me.requiredAction).toBe('CHANGE_INITIAL_CREDENTIALS');
    expect((await browser.gql(LOGOUT)).data?.logout).toBe(true);
  });

  it('reports every failing rule of the change form at once, each at its field', async () => {
    const card = await provision();
    const other = await provision();
    const browser = new Browser(t.url);
    await browser.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
    const res = await browser.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: card.initialLoginId,
        initialPassword: 'wrong-one',
        newLoginId: other.initialLoginId, // taken: live initial IDs share the namespace
        newLoginIdConfirmation: 'something-else1',
        newPassword: `Ｐ${other.initialLoginId}X`,
        newPasswordConfirmation: 'nope',
      },
    });
    const result = res.data?.changeInitialCredentials;
    expect(result.__typename).toBe('FieldErrors');
    expect(issuesOf(result).sort()).toEqual(
      [
        'initialLoginId:INITIAL_CREDENTIALS_WRONG',
        'initialPassword:INITIAL_CREDENTIALS_WRONG',
        'newLoginIdConfirmation:LOGIN_ID_CONFIRMATION_MISMATCH',
        'newPassword:PASSWORD_FULL_WIDTH',
        'newPassword:PASSWORD_CONTAINS_LOGIN_ID',
        'newPasswordConfirmation:PASSWORD_CONFIRMATION_MISMATCH',
      ].sort(),
    );
    // Messages are localised and name the allowed characters for the full-width rule.
    const fullWidth = result.errors.find((e: { code: string }) => e.code === 'PASSWORD_FULL_WIDTH');
    expect(fullWidth.message).toContain('# $ % ( ) * + - . / : ; ? @ [ ] _ { } ~');
    // Whether a login ID is taken is told only to the holder of the postcard pair (no enumeration).
    const taken = await browser.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: card.initialLoginId,
        initialPassword: card.initialPassword,
        newLoginId: other.initialLoginId,
        newLoginIdConfirmation: other.initialLoginId,
        newPassword: 'Sakura#2024x',
        newPasswordConfirmation: 'Sakura#2024x',
      },
    });
    expect(issuesOf(taken.data?.changeInitialCredentials)).toEqual(['newLoginId:LOGIN_ID_TAKEN']);

    browser.lang = 'ja';
    const ja = await browser.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: card.initialLoginId,
        initialPassword: card.initialPassword,
        newLoginId: 'abc',
        newLoginIdConfirmation: 'abc',
        newPassword: card.initialPassword,
        newPasswordConfirmation: card.initialPassword,
      },
    });
    const jaResult = ja.data?.changeInitialCredentials;
    expect(issuesOf(jaResult)).toEqual(
      expect.arrayContaining(['newLoginId:LOGIN_ID_TOO_SHORT', 'newPassword:PASSWORD_RECENTLY_USED']),
    );
    expect(jaResult.errors[0].message).toMatch(/ログインID/);
    // Nothing changed: the postcard pair still works.
    const still = await new Browser(t.url).gql(LOGIN, {
      input: { loginId: card.initialLoginId, password: card.initialPassword },
    });
    expect(still.data?.login.__typename).toBe('LoginSuccess');
  });

  it('refuses a login ID another subscriber already chose, whatever its case', async () => {
    const a = await provision();
    const b = await provision();
    const id = uniqueId();
    const pw = 'Sakura#2024x';
    const first = new Browser(t.url);
    await first.gql(LOGIN, { input: { loginId: a.initialLoginId, password: a.initialPassword } });
    const ok = await first.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: a.initialLoginId,
        initialPassword: a.initialPassword,
        newLoginId: id,
        newLoginIdConfirmation: id,
        newPassword: pw,
        newPasswordConfirmation: pw,
      },
    });
    expect(ok.data?.changeInitialCredentials.__typename).toBe('CredentialsChanged');
    const second = new Browser(t.url);
    await second.gql(LOGIN, { input: { loginId: b.initialLoginId, password: b.initialPassword } });
    const taken = await second.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: b.initialLoginId,
        initialPassword: b.initialPassword,
        newLoginId: id.toUpperCase(),
        newLoginIdConfirmation: id.toUpperCase(),
        newPassword: 'Momiji#2024y',
        newPasswordConfirmation: 'Momiji#2024y',
      },
    });
    expect(issuesOf(taken.data?.changeInitialCredentials)).toEqual(['newLoginId:LOGIN_ID_TAKEN']);
  });

  it('changes the password from the menu, keeps a history of three and revokes other sessions', async () => {
    const card = await provision();
    const id = uniqueId();
    const passwords = ['Sakura#2024a', 'Sakura#2024b', 'Sakura#2024c', 'Sakura#2024d'];
    const phone = new Browser(t.url);
    await phone.gql(LOGIN, { input: { loginId: card.initialLoginId, password: card.initialPassword } });
    await phone.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: card.initialLoginId,
        initialPassword: card.initialPassword,
        newLoginId: id,
        newLoginIdConfirmation: id,
        newPassword: passwords[0],
        newPasswordConfirmation: passwords[0],
      },
    });
    const change = (b: Browser, current: string, next: string) =>
      b.gql(CHANGE_PASSWORD, {
        input: { currentPassword: current, newPassword: next, newPasswordConfirmation: next },
      });

    // A second device signed in with the same account.
    const desktop = new Browser(t.url);
    await desktop.gql(LOGIN, { input: { loginId: id, password: passwords[0] } });
    expect((await desktop.gql(ME)).data?.me.loginId).toBe(id);

    expect((await change(phone, passwords[0], passwords[1])).data?.changePassword.__typename).toBe(
      'CredentialsChanged',
    );
    // Every other session has ended; the one that changed the password continues (rotated).
    expect((await desktop.gql(ME)).data?.me).toBeNull();
    expect((await phone.gql(ME)).data?.me.loginId).toBe(id);

    expect((await change(phone, passwords[1], passwords[2])).data?.changePassword.__typename).toBe(
      'CredentialsChanged',
    );
    // Current (c), previous (b) and the one before (a) are the last three: all refused.
    for (const reused of passwords.slice(0, 3)) {
      expect(issuesOf((await change(phone, passwords[2], reused)).data?.changePassword)).toEqual([
        'newPassword:PASSWORD_RECENTLY_USED',
      ]);
    }
    expect((await change(phone, passwords[2], passwords[3])).data?.changePassword.__typename).toBe(
      'CredentialsChanged',
    );
    // Now "a" is the 4th-last password and may be used again.
    expect((await change(phone, passwords[3], passwords[0])).data?.changePassword.__typename).toBe(
      'CredentialsChanged',
    );

    const wrong = await change(phone, 'not-my-password', 'Sakura#2024z');
    expect(issuesOf(wrong.data?.changePassword)).toEqual(['currentPassword:CURRENT_PASSWORD_WRONG']);
    const old = await new Browser(t.url).gql(LOGIN, { input: { loginId: id, password: passwords[3] } });
    expect(old.data?.login.__typename).toBe('InvalidCredentials');
  });

  it('serves non-browser clients with a bearer token instead of a cookie', async () => {
    const card = await provision();
    const client = new Browser(t.url);
    const res = await client.gql(LOGIN, {
      input: { loginId: card.initialLoginId, password: card.initialPassword, bearer: true },
    });
    expect(res.data?.login.sessionToken).toMatch(/^wbs_/);
    expect(client.cookie).toBeNull();
    client.bearer = res.data?.login.sessionToken;
    expect((await client.gql(ME)).data?.me.loginId).toBe(card.initialLoginId);
    const id = uniqueId();
    const changed = await client.gql(CHANGE_INITIAL, {
      input: {
        initialLoginId: card.initialLoginId,
        initialPassword: card.initialPassword,
        newLoginId: id,
        newLoginIdConfirmation: id,
        newPassword: 'Sakura#2024x',
        newPasswordConfirmation: 'Sakura#2024x',
      },
    });
    const rotated = changed.data?.changeInitialCredentials.sessionToken;
    expect(rotated).toMatch(/^wbs_/);
    expect((await client.gql(ME)).data?.me).toBeNull(); // old bearer revoked
    client.bearer = rotated;
    expect((await client.gql(ME)).data?.me.loginId).toBe(id);
  });
});
