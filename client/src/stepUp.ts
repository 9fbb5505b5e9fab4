/**
 * The step-up a network address must pass after too many failures from it (carrier NAT, offices):
 * the server sends an ALTCHA proof-of-work challenge and this browser solves it (about a second on a
 * phone), then the form is sent once more with the proof. altcha-lib is loaded only when asked, so it
 * weighs nothing on the initial bundle.
 */
async function solve(challengeJson: string): Promise<string | null> {
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([
    import(/* webpackChunkName: "step-up" */ 'altcha-lib'),
    import(/* webpackChunkName: "step-up" */ 'altcha-lib/algorithms/web/pbkdf2'),
  ]);
  const challenge = JSON.parse(challengeJson);
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  return solution ? btoa(JSON.stringify({ challenge, solution })) : null;
}

interface StepUpRequired {
  __typename: 'StepUpRequired';
  challenge: string;
  message: string;
}

/**
 * Sends a credential form (`send(proof)`); when the answer is StepUpRequired, calls `onSolving` with
 * the server's explanation, solves the challenge and sends again with the proof (twice at most: a
 * challenge may expire while a phone sleeps). Returns the last answer, which may still ask for it.
 */
export async function sendWithStepUp<R extends { __typename: string }>(
  send: (proof: string | null) => Promise<R | undefined>,
  onSolving: (message: string) => void,
): Promise<R | undefined> {
  let result = await send(null);
  for (let tries = 0; tries < 2 && isStepUp(result); tries++) {
    onSolving(result.message);
    const proof = await solve(result.challenge);
    if (!proof) break;
    result = await send(proof);
  }
  return result;
}

function isStepUp(
  result: { __typename: string } | undefined,
): result is StepUpRequired & { __typename: string } {
  return result?.__typename === 'StepUpRequired';
}
