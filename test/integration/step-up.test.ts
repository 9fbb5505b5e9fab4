// biome-ignore-all lint/suspicious/noExplicitAny: the tests read response trees by shape
import { Browser, LOGIN } from '../support/graphql-client';
import { activeSubscriber } from '../support/subscribers';
import { startTestApp, type TestApp } from '../support/test-app';
import { idOf } from '../support/trusted-documents';

// A flooded address never blocks a right password outright (SPEC §2.5, issue 14): past its budget,
// our browsers solve a proof of work (ALTCHA, verified server-side, single use); other clients get
// RATE_LIMITED with the reason and the wait.

// altcha-lib's CommonJS build, as the server loads it (its types describe the ES modules only).
const altcha = require('altcha-lib');
const { deriveKey } = require('altcha-lib/algorithms/pbkdf2');

/** As the PWA sends it: the trusted id, from a browser. */
async function byId(t: TestApp, name: string, variables: Record<string, unknown>, lang = 'en') {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': lang,
      origin: t.url,
      'apollo-require-preflight': 'true',
    },
    body: JSON.stringify({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: idOf(name) } },
    }),
  });
  return res.json() as Promise<any>;
}

/** What the browser does with a StepUpRequired's challenge (client/src/stepUp.ts). */
async function solve(challengeJson: string): Promise<string> {
  const challenge = JSON.parse(challengeJson);
  const solution = await altcha.solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_FAILURES_PER_ADDRESS: '3', LOGIN_FAILURES_PER_LOGIN_ID: '4' });
});
afterAll(async () => {
  await t?.close();
});

describe('step-up for a flooded address', () => {
  it('lets the right password in after a proof of work, once per proof; others get RATE_LIMITED with the reason', async () => {
    const s = await activeSubscriber(t);
    // Someone else behind the same address fails three times with made-up IDs.
    for (let i = 0; i < 3; i++) {
      const res = await new Browser(t.url).gql(LOGIN, {
        input: { loginId: `flood${i}x`, password: 'guess' },
      });
      expect(res.data?.login.__typename).toBe('InvalidCredentials');
    }
    const input = { loginId: s.loginId, password: s.password };

    // A non-browser client: refused, with why and when.
    const tool = await new Browser(t.url, 'ja').gql(LOGIN, { input });
    expect(tool.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ADDRESS' });
    expect(tool.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(tool.errors?.[0].message).toMatch(/ネットワーク/);

    // Our PWA: a challenge, with a localised explanation.
    const asked = await byId(t, 'Login', { input }, 'ja');
    const stepUp = asked.data.login;
    expect(stepUp).toMatchObject({ __typename: 'StepUpRequired', code: 'STEP_UP_REQUIRED' });
    expect(stepUp.message).toMatch(/ネットワーク/);
    expect(stepUp.retryAfterSeconds).toBeGreaterThan(0);
    expect(JSON.parse(stepUp.challenge).signature).toEqual(expect.any(String));

    // Garbage or tampered proofs are not proofs.
    const proof = await solve(stepUp.challenge);
    const tampered = JSON.parse(Buffer.from(proof, 'base64').toString());
    tampered.challenge.parameters.cost = 1;
    for (const bad of [
      'nonsense',
      Buffer.from(JSON.stringify(tampered)).toString('base64'),
      'x'.repeat(5000),
    ]) {
      const res = await byId(t, 'Login', { input: { ...input, proof: bad } });
      expect(res.data?.login?.__typename ?? res.errors?.[0].extensions?.code).toMatch(
        /StepUpRequired|BAD_USER_INPUT/,
      );
    }

    const signedIn = await byId(t, 'Login', { input: { ...input, proof } });
    expect(signedIn.data.login.__typename).toBe('LoginSuccess');
    // The same proof again (a replay) is spent.
    const replay = await byId(t, 'Login', { input: { ...input, proof } });
    expect(replay.data.login.__typename).toBe('StepUpRequired');
  });

  it('never lets a proof past the login ID’s own budget', async () => {
    const id = 'budgeted4711';
    for (let i = 0; i < 4; i++) {
      const stepUp = (await byId(t, 'Login', { input: { loginId: id, password: `guess${i}` } })).data.login;
      const proof = stepUp.challenge ? await solve(stepUp.challenge) : null;
      await byId(t, 'Login', { input: { loginId: id, password: `guess${i}`, proof } });
    }
    const stepUp = (await byId(t, 'Login', { input: { loginId: id, password: 'guess9' } })).data?.login;
    const proof = stepUp?.challenge ? await solve(stepUp.challenge) : null;
    const res = await byId(t, 'Login', { input: { loginId: id, password: 'guess9', proof } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOGIN_ID' });
  });

  it('asks the same of password reissue and of the operator console from that address', async () => {
    const reissue = {
      loginId: 'someone123',
      email: 'someone@example.jp',
      secretQuestionId: '1',
      secretAnswer: 'Pochi',
    };
    const asked = (await byId(t, 'RequestPasswordReissue', { input: reissue })).data.requestPasswordReissue;
    expect(asked.__typename).toBe('StepUpRequired');
    const done = await byId(t, 'RequestPasswordReissue', {
      input: { ...reissue, proof: await solve(asked.challenge) },
    });
    expect(done.data.requestPasswordReissue.__typename).toBe('ReissueRequested');

    const operator = (await byId(t, 'OperatorLogin', { input: { loginId: 'op-nobody', password: 'x' } })).data
      .operatorLogin;
    expect(operator.__typename).toBe('StepUpRequired');
    const answered = await byId(t, 'OperatorLogin', {
      input: { loginId: 'op-nobody', password: 'x', proof: await solve(operator.challenge) },
    });
    expect(answered.data.operatorLogin.__typename).toBe('InvalidCredentials');
  });
});
