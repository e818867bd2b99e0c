import { extendedExpiry, isTokenShaped, linkStatus, RequestBudget } from '../../libs/domain/rules/portal-links';
import { partyDecisionProblem } from '../../libs/domain/rules/decision-roles';
import { Party, Role } from '../../libs/domain/rules/roles';
import { sniffMediaType, uploadProblem } from '../../libs/domain/rules/upload-types';
import { parsePortalConfig } from '../../libs/config/portal-config';

const DAY = 86_400_000;

describe('portal links', () => {
  const now = new Date('2026-11-30T08:00:00Z');

  it('is usable until it expires, and a revoked link stays revoked whatever its date', () => {
    expect(linkStatus({ expiresAt: new Date(now.getTime() + 1), revokedAt: null }, now)).toBe('usable');
    expect(linkStatus({ expiresAt: now, revokedAt: null }, now)).toBe('expired');
    expect(linkStatus({ expiresAt: new Date(now.getTime() + DAY), revokedAt: now }, now)).toBe('revoked');
  });

  it('is extended on use to a full TTL from now, never shortened', () => {
    const soon = { expiresAt: new Date(now.getTime() + DAY), revokedAt: null };
    expect(extendedExpiry(soon, now, 30 * DAY).toISOString()).toBe('2026-12-30T08:00:00.000Z');
    const far = { expiresAt: new Date(now.getTime() + 60 * DAY), revokedAt: null };
    expect(extendedExpiry(far, now, 30 * DAY)).toEqual(far.expiresAt);
  });

  it('takes only 43-character base64url tokens (32 random bytes)', () => {
    expect(isTokenShaped('A'.repeat(43))).toBe(true);
    expect(isTokenShaped('A'.repeat(42))).toBe(false);
    expect(isTokenShaped(`${'A'.repeat(42)}=`)).toBe(false);
    expect(isTokenShaped(undefined)).toBe(false);
  });

  it('rate-limits per key within a window, and counts afresh in the next one', () => {
    const budget = new RequestBudget(2, 60_000);
    expect([budget.take('a', 0), budget.take('a', 1), budget.take('a', 2)]).toEqual([true, true, false]);
    expect(budget.take('b', 2)).toBe(true);
    expect(budget.take('a', 60_000)).toBe(true);
  });

  it('forgets old windows instead of growing without bound', () => {
    const budget = new RequestBudget(1, 1_000, 3);
    for (let i = 0; i < 10; i++) expect(budget.take(`k${i}`, i * 10)).toBe(true);
    expect(budget.take('k9', 95)).toBe(false);
  });
});

describe('decisions through a link', () => {
  const booking = { creatorId: 'creator-1', brandId: 'brand-1' };

  it("admits the booking's own creator for a creator decision", () => {
    expect(partyDecisionProblem({ userId: 'creator-1', role: Party.Creator }, 'acknowledgeBrief', booking, 'acknowledge a brief')).toBeNull();
  });

  it('refuses another booking’s creator', () => {
    expect(partyDecisionProblem({ userId: 'creator-2', role: Party.Creator }, 'submitDraft', booking, 'submit a draft')).toBe("This link is not for this booking's creator");
  });

  it("refuses a creator deciding the brand's review, and a brand doing the creator's part", () => {
    expect(partyDecisionProblem({ userId: 'creator-1', role: Party.Creator }, 'reviewDraft', booking, 'review a draft')).toBe('A creator may not review a draft through their link');
    expect(partyDecisionProblem({ userId: 'brand-1', role: Party.Brand }, 'acceptTerms', booking, 'accept terms')).toBe('A brand may not accept terms through their link');
    expect(partyDecisionProblem({ userId: 'brand-1', role: Party.Brand }, 'reviewDraft', booking, 'review a draft')).toBeNull();
  });

  it('leaves staff to their roles', () => {
    expect(partyDecisionProblem({ userId: 'u', role: Role.Manager }, 'reviewDraft', booking, 'review a draft')).toBeNull();
  });
});

describe('uploads', () => {
  const limits = { maxBytes: 1_000, types: ['image/png', 'video/mp4'] };
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const mp4 = Uint8Array.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom')]);
  const exe = Uint8Array.from(Buffer.from('MZ\x90\x00'));

  it('knows a file by its first bytes, not its name', () => {
    expect(sniffMediaType(png)).toBe('image/png');
    expect(sniffMediaType(mp4)).toBe('video/mp4');
    expect(sniffMediaType(Uint8Array.from([0, 0, 0, 0x14, ...Buffer.from('ftypqt  ')]))).toBe('video/quicktime');
    expect(sniffMediaType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMediaType(exe)).toBeNull();
  });

  it('refuses an oversized file (413), a type off the list (415) and an empty one (400)', () => {
    expect(uploadProblem({ size: 1_001, head: png }, limits)?.status).toBe(413);
    expect(uploadProblem({ size: 10, head: exe }, limits)?.status).toBe(415);
    expect(uploadProblem({ size: 10, head: Buffer.from('%PDF-1.7') }, limits)?.status).toBe(415);
    expect(uploadProblem({ size: 0, head: png }, limits)?.status).toBe(400);
    expect(uploadProblem({ size: 10, head: png }, limits)).toBeNull();
  });
});

describe('portal configuration', () => {
  it('defaults to 30-day links, 60 requests a minute and uploads under the data folder', () => {
    const problems: string[] = [];
    const config = parsePortalConfig({ CREATOROPS_DATA_DIR: '/srv/creatorops' }, problems);
    expect(problems).toEqual([]);
    expect(config.linkTtlMs).toBe(30 * DAY);
    expect(config.requestsPerMinute).toBe(60);
    expect(config.uploads.dir).toBe('/srv/creatorops/uploads');
  });

  it('names each bad setting', () => {
    const problems: string[] = [];
    parsePortalConfig({ PORTAL_LINK_TTL: 'soon', PORTAL_RATE_LIMIT: '0', UPLOAD_MAX_BYTES: '-1', UPLOAD_TYPES: 'pictures' }, problems);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORTAL_LINK_TTL:', 'PORTAL_RATE_LIMIT', 'UPLOAD_MAX_BYTES', 'UPLOAD_TYPES']);
  });
});
