import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../../scripts/lib/ports';
import { AuditLog, Collaboration, PortalLink } from '../../libs/domain/entities';
import { testMailpit } from '../support/environment';
import { createTeam, Team } from '../support/fixtures';
import { waitForMessage } from '../support/mailpit-inbox';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

const UPLOAD_MAX_BYTES = 2_048;

/**
 * The creator's link through the real path: the worker e-mails it when the booking is briefed
 * (read back from Mailpit), the built API serves the portal, and each refusal leaves the booking
 * as it was: a forged cross-site POST, a wrong, expired or revoked token, a creator taking the
 * brand's review, an oversized or wrong-type upload.
 */
describe('portal links', () => {
  let system: RunningSystem;
  let uploads: string;

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(os.tmpdir(), 'creatorops-uploads-'));
    system = await startSystem({
      env: { SMTP_URL: testMailpit().smtpUrl, MAIL_FROM: 'CreatorOps <no-reply@creatorops.test>', UPLOADS_DIR: uploads, UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), PORTAL_RATE_LIMIT: '1000' },
    });
  });

  afterAll(async () => {
    await system?.stop();
    if (uploads) rmSync(uploads, { recursive: true, force: true });
  });

  async function book(team: Team, creatorEmail: string): Promise<string> {
    const auth = system.basic(team.talentManager.email, team.password);
    const call = async (route: string, body: unknown) => {
      const { status, body: answer } = await requestJson(system.baseUrl, 'POST', route, auth, body);
      expect(status).toBe(201);
      return answer as { id: string };
    };
    const tag = randomBytes(4).toString('hex');
    const brand = await call('/brands', { name: `GlowCo ${tag}`, category: 'skincare', contacts: [{ name: 'Mira Brand', email: `brand.${tag}@example.test` }] });
    const creator = await call('/creators', {
      name: 'Asha Rao',
      handle: `asha.${tag}`,
      contactEmail: creatorEmail,
      niches: ['beauty'],
      channels: [{ platform: 'instagram', handle: '@asha', followers: 240000, engagementRate: 0.04 }],
      baseRates: { reel: { amountMinor: 4500000, currency: 'INR' } },
    });
    const campaign = await call('/campaigns', { brandId: brand.id, name: `Winter Glow ${tag}`, budgetMinor: 150000000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id });
    const booking = await call('/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });
    return booking.id;
  }

  /** The link in the creator's e-mail. */
  async function linkFor(address: string): Promise<string> {
    const message = await waitForMessage(address, /Your booking/, 90_000);
    const url = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{43}/.exec(message.Text)?.[0];
    expect(url).toBeDefined();
    return url!.replace(/^https?:\/\/[^/]+/, system.baseUrl);
  }

  /** Opens the page as a browser would, keeping its cookie; answers the form fields of one action. */
  async function openForm(url: string, action: string): Promise<{ cookie: string; csrf: string; requestId: string; html: string }> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const html = await response.text();
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    const formHtml = html.split('<form').find((part) => part.includes(`/${action}"`)) ?? '';
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(formHtml)?.[1] ?? '';
    return { cookie, csrf: field('csrf'), requestId: field('requestId'), html };
  }

  const post = (url: string, headers: Record<string, string>, body: Record<string, string>) =>
    fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });

  const acknowledged = async (id: string) => (await system.database.db.getRepository(Collaboration).findOneByOrFail({ id })).briefAcknowledgedAt;

  it('e-mails the creator a link that opens only their booking, and acknowledges the brief through it', async () => {
    const team = await createTeam(system.database.db);
    const creatorEmail = `asha.${randomBytes(4).toString('hex')}@example.test`;
    const id = await book(team, creatorEmail);
    const url = await linkFor(creatorEmail);

    // Only the hash is stored.
    const token = url.split('/').pop()!;
    const stored = await system.database.db.query(`SELECT "tokenHash" FROM "portal_links" WHERE "collaborationId" = $1`, [id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(token);

    const { cookie, csrf, requestId, html } = await openForm(url, 'acknowledge');
    expect(html).toContain('Winter Glow');
    expect(cookie).toMatch(/^co_portal=/);
    const page = await fetch(url);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    // Forged cross-site POSTs: another site's Origin, or no CSRF token, or another browser's cookie.
    const origin = system.baseUrl;
    const forged = [
      await post(`${url}/acknowledge`, { cookie, origin: 'https://evil.example' }, { csrf, requestId }),
      await post(`${url}/acknowledge`, { cookie, 'sec-fetch-site': 'cross-site' }, { csrf, requestId }),
      await post(`${url}/acknowledge`, { cookie, origin }, { requestId }),
      await post(`${url}/acknowledge`, { cookie: 'co_portal=AAAAAAAAAAAAAAAAAAAAAA', origin }, { csrf, requestId }),
    ];
    expect(forged.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(await acknowledged(id)).toBeNull();

    // A creator deciding the brand's review is refused by the portal.
    const review = await post(`${url}/review`, { cookie, origin }, { csrf, requestId, deliverableId: id, version: '1', decision: 'approve' });
    expect(review.status).toBe(403);

    // Wrong-type and oversized uploads are refused before anything is stored.
    const upload = async (bytes: Buffer) => {
      const body = new FormData();
      body.set('csrf', csrf);
      body.set('requestId', requestId);
      body.set('deliverableId', id);
      body.set('caption', 'Sponsored: my winter routine');
      body.set('file', new Blob([bytes]), 'draft.mp4');
      return fetch(`${url}/draft`, { method: 'POST', redirect: 'manual', headers: { cookie, origin }, body });
    };
    expect((await upload(Buffer.from('MZ this is a program, not a video'))).status).toBe(415);
    expect((await upload(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(UPLOAD_MAX_BYTES * 2)]))).status).toBe(413);
    expect(readdirSync(uploads)).toEqual([]);

    // The real thing: same origin, this browser's cookie, the page's token.
    const accepted = await post(`${url}/acknowledge`, { cookie, origin }, { csrf, requestId });
    expect(accepted.status).toBe(303);
    await waitFor('the acknowledgement projected', async () => (await acknowledged(id)) ?? undefined);
    const audit = await system.database.db.getRepository(AuditLog).findOneBy({ entityId: id, action: 'brief.acknowledged' });
    if (audit) expect(audit.actorRole).toBe('creator');
  });

  it('answers a wrong, expired or revoked token with a plain page and changes nothing', async () => {
    const team = await createTeam(system.database.db);
    const creatorEmail = `ravi.${randomBytes(4).toString('hex')}@example.test`;
    const id = await book(team, creatorEmail);
    const url = await linkFor(creatorEmail);
    const { cookie, csrf, requestId } = await openForm(url, 'acknowledge');

    const wrong = await fetch(`${system.baseUrl}/portal/${randomBytes(32).toString('base64url')}`);
    expect(wrong.status).toBe(404);
    const wrongText = await wrong.text();
    expect(wrongText).toContain('This link is not valid.');
    expect(wrongText).not.toContain('Winter Glow');
    expect((await fetch(`${system.baseUrl}/portal/not-a-token`)).status).toBe(404);

    // Expired.
    await system.database.db.getRepository(PortalLink).update({ collaborationId: id }, { expiresAt: new Date(Date.now() - 1_000) });
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired or was withdrawn');
    expect((await post(`${url}/acknowledge`, { cookie, origin: system.baseUrl }, { csrf, requestId })).status).toBe(410);

    // Revoked (what the staff action does), even with time left.
    await system.database.db.getRepository(PortalLink).update({ collaborationId: id }, { expiresAt: new Date(Date.now() + 86_400_000) });
    expect((await fetch(url)).status).toBe(200);
    const asTalentManager = system.basic(team.talentManager.email, team.password);
    // Another team's talent manager may not revoke (or resend) this booking's links.
    const stranger = await createTeam(system.database.db);
    const strangerRevoke = await requestJson(system.baseUrl, 'POST', `/collaborations/${id}/portal-links/revoke`, system.basic(stranger.talentManager.email, stranger.password), {});
    expect(strangerRevoke.status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
    const revoked = await requestJson(system.baseUrl, 'POST', `/collaborations/${id}/portal-links/revoke`, asTalentManager, {});
    expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect((await fetch(url)).status).toBe(410);
    expect((await post(`${url}/acknowledge`, { cookie, origin: system.baseUrl }, { csrf, requestId })).status).toBe(410);
    expect(await acknowledged(id)).toBeNull();

    // Staff send a new link: it works, the revoked one stays refused.
    const resent = await requestJson(system.baseUrl, 'POST', `/collaborations/${id}/portal-links`, asTalentManager, { party: 'creator' });
    expect(resent).toMatchObject({ status: 200, body: { party: 'creator', sent: true } });
    expect((await requestJson(system.baseUrl, 'POST', `/collaborations/${id}/portal-links`, asTalentManager, { party: 'brand' })).status).toBe(409);
    expect((await requestJson(system.baseUrl, 'POST', `/collaborations/${id}/portal-links`, asTalentManager, { party: 'someone' })).status).toBe(400);
    const links = await system.database.db.getRepository(PortalLink).find({ where: { collaborationId: id }, order: { createdAt: 'ASC' } });
    expect(links.map((link) => [link.revokedAt === null, link.sentAt !== null])).toEqual([[false, true], [true, true]]);
    expect((await fetch(url)).status).toBe(410);
  });
});

describe('portal rate limit', () => {
  let limited: RunningSystem;

  beforeAll(async () => {
    limited = await startSystem({ env: { PORTAL_RATE_LIMIT: '5' } });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it('answers 429 once an address has made PORTAL_RATE_LIMIT requests in a minute, before looking the token up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${limited.baseUrl}/portal/${randomBytes(32).toString('base64url')}`)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const refused = await fetch(`${limited.baseUrl}/portal/${randomBytes(32).toString('base64url')}`);
    expect(await refused.text()).toContain('Too many requests');
    // The rest of the API is not behind the portal's limit.
    expect((await fetch(`${limited.baseUrl}/health`)).status).toBeLessThan(500);
  });
});
