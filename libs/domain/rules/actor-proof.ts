import type { Actor } from './roles';

/**
 * Proof that the API (or another holder of ACTOR_SIGNING_KEY) stated who is acting on a
 * decision, so that whoever can reach Temporal cannot claim to be finance (docs/access.md).
 * Pure code: the workflow sandbox verifies it without Node's crypto, and the same bytes come
 * out on every machine.
 */
export interface ActorProof {
  /** Milliseconds since the epoch when the API signed the decision. */
  issuedAt: number;
  /** HMAC-SHA256 of actorProofMessage, lower-case hex. */
  signature: string;
}

/** The update header the proof travels in; headers are not part of the update's arguments. */
export const ACTOR_PROOF_HEADER = 'creatorops-actor-proof';

/** A proof older (or further in the future) than this is refused: the decision is sent at once. */
export const ACTOR_PROOF_MAX_AGE_MS = 5 * 60_000;

export interface SignedDecision {
  workflowId: string;
  updateName: string;
  actor: Actor;
  issuedAt: number;
}

/**
 * What is signed: the booking (workflow id) and the decision (update name) as well as the actor,
 * so a captured proof cannot be replayed onto another booking or another decision. A JSON array
 * keeps the fields apart whatever characters they hold.
 */
export function actorProofMessage(decision: SignedDecision): string {
  return JSON.stringify(['creatorops-actor/v1', decision.workflowId, decision.updateName, decision.issuedAt, decision.actor.userId, decision.actor.role]);
}

export function signActor(key: string, decision: SignedDecision): ActorProof {
  return { issuedAt: decision.issuedAt, signature: hmacSha256Hex(key, actorProofMessage(decision)) };
}

/** Why the proof does not hold for this decision at `nowMs`, or null when it holds. */
export function actorProofProblem(key: string | undefined, decision: Omit<SignedDecision, 'issuedAt'>, proof: unknown, nowMs: number): string | null {
  if (!key) return 'this worker has no ACTOR_SIGNING_KEY to check who is acting';
  if (!isProof(proof)) return 'the decision carries no signature of its actor';
  if (Math.abs(nowMs - proof.issuedAt) > ACTOR_PROOF_MAX_AGE_MS) return "the actor's signature has expired";
  const expected = hmacSha256Hex(key, actorProofMessage({ ...decision, issuedAt: proof.issuedAt }));
  return sameText(expected, proof.signature) ? null : "the actor's signature does not match";
}

function isProof(value: unknown): value is ActorProof {
  const proof = value as ActorProof | null;
  return typeof proof === 'object' && proof !== null && Number.isSafeInteger(proof.issuedAt) && typeof proof.signature === 'string';
}

/** Compares without stopping at the first difference, so timing says nothing about the expected value. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i % Math.max(b.length, 1));
  return difference === 0;
}

/** HMAC-SHA256 (RFC 2104) of UTF-8 text, lower-case hex. */
export function hmacSha256Hex(key: string, message: string): string {
  const block = 64;
  let keyBytes = utf8(key);
  if (keyBytes.length > block) keyBytes = sha256(keyBytes);
  const inner = new Uint8Array(block);
  const outer = new Uint8Array(block);
  for (let i = 0; i < block; i++) {
    inner[i] = (keyBytes[i] ?? 0) ^ 0x36;
    outer[i] = (keyBytes[i] ?? 0) ^ 0x5c;
  }
  const innerHash = sha256(concat(inner, utf8(message)));
  return hex(sha256(concat(outer, innerHash)));
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4). */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]);
  return out;
}

/** UTF-8 bytes of a string (TextEncoder is not in every workflow sandbox). */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
