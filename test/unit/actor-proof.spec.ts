import { createHash, createHmac, randomBytes } from 'node:crypto';
import { ACTOR_PROOF_MAX_AGE_MS, actorProofProblem, hmacSha256Hex, sha256, signActor } from '../../libs/domain/rules/actor-proof';
import { Role } from '../../libs/domain/rules/roles';

describe('the actor proof (pure HMAC-SHA256 the workflow sandbox can run)', () => {
  it('computes SHA-256 as FIPS 180-4 does (its published examples and every padding length)', () => {
    const hex = (text: string) => Buffer.from(sha256(Buffer.from(text, 'utf8'))).toString('hex');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let length = 0; length < 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256);
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('computes HMAC-SHA256 as RFC 4231 and Node do, for short, long and non-ASCII keys and messages', () => {
    // RFC 4231 test case 2.
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    for (const key of ['k', 'x'.repeat(64), 'y'.repeat(65), 'clé-€-😀', 'z'.repeat(200)]) {
      for (const message of ['', 'abc', 'Zahlung für Café 😀', 'm'.repeat(1000)]) {
        expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'));
      }
    }
  });

  const key = randomBytes(32).toString('hex');
  const finance = { userId: 'user-finance', role: Role.Finance };
  const decision = { workflowId: 'payout-collaboration-1', updateName: 'approvePayout', actor: finance };
  const now = 1_800_000_000_000;

  it('holds for the decision it was signed for', () => {
    expect(actorProofProblem(key, decision, signActor(key, { ...decision, issuedAt: now }), now + 1_000)).toBeNull();
  });

  it('does not hold for another booking, another decision, another actor or role, another key, or when stale', () => {
    const proof = signActor(key, { ...decision, issuedAt: now });
    expect(actorProofProblem(key, { ...decision, workflowId: 'payout-collaboration-2' }, proof, now)).toMatch(/does not match/);
    expect(actorProofProblem(key, { ...decision, updateName: 'submitInvoice' }, proof, now)).toMatch(/does not match/);
    expect(actorProofProblem(key, { ...decision, actor: { ...finance, userId: 'user-other' } }, proof, now)).toMatch(/does not match/);
    expect(actorProofProblem(key, { ...decision, actor: { ...finance, role: Role.Admin } }, proof, now)).toMatch(/does not match/);
    expect(actorProofProblem(`${key}x`, decision, proof, now)).toMatch(/does not match/);
    expect(actorProofProblem(key, decision, { ...proof, issuedAt: now + 1 }, now)).toMatch(/does not match/);
    expect(actorProofProblem(key, decision, proof, now + ACTOR_PROOF_MAX_AGE_MS + 1)).toMatch(/expired/);
    expect(actorProofProblem(key, decision, proof, now - ACTOR_PROOF_MAX_AGE_MS - 1)).toMatch(/expired/);
  });

  it('refuses a missing or malformed proof, and everything when the verifier has no key', () => {
    for (const proof of [undefined, null, 'sig', { issuedAt: now }, { signature: 'ab' }, { issuedAt: 'now', signature: 'ab' }]) {
      expect(actorProofProblem(key, decision, proof, now)).toMatch(/no signature/);
    }
    expect(actorProofProblem(undefined, decision, signActor(key, { ...decision, issuedAt: now }), now)).toMatch(/no ACTOR_SIGNING_KEY/);
    expect(actorProofProblem('', decision, signActor('', { ...decision, issuedAt: now }), now)).toMatch(/no ACTOR_SIGNING_KEY/);
  });
});
