import { randomBytes } from 'node:crypto';
import { AuditLog, Brand, Campaign, Collaboration, Creator } from '../../libs/domain/entities';
import { createTeam, sampleDeliverables, Team } from '../support/fixtures';
import { panelGet, panelPost, panelSignIn } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';
import { waitFor } from '../../scripts/lib/ports';

/**
 * Updates to what used to be set only once (issue 11, item 14): a creator's profile, a brand's
 * guidelines and a campaign's brief, each audited, within reach, refused whole on bad input; and a
 * brief edit after acknowledgement asks a running booking for a fresh acknowledgement.
 */
describe('record updates', () => {
  let system: RunningSystem;
  let ours: Team;
  let theirs: Team;
  const tag = randomBytes(3).toString('hex');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const records = { brandId: '', creatorId: '', campaignId: '' };

  const as = (team: Team, who: 'talentManager' | 'manager' | 'finance') => system.basic(team[who].email, team.password);
  const call = (method: string, path: string, auth: string, body?: unknown) => requestJson(system.baseUrl, method, path, auth, body);
  const created = async (path: string, auth: string, body: unknown) => {
    const answer = await call('POST', path, auth, body);
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const audits = (entityId: string) => system.database.db.getRepository(AuditLog).find({ where: { entityId }, order: { at: 'ASC' } });

  beforeAll(async () => {
    system = await startSystem();
    ours = await createTeam(system.database.db);
    theirs = await createTeam(system.database.db);
    const tm = as(ours, 'talentManager');
    records.brandId = (await created('/brands', tm, { name: `Lumen ${tag}`, category: 'skincare', guidelines: { mandatoryHashtags: ['#Lumen'] } })).id;
    records.creatorId = (
      await created('/creators', tm, {
        name: `Asha ${tag}`, handle: `asha.${tag}`, channels: [{ platform: 'instagram', handle: '@asha', followers: 1000 }],
        payoutReference: `tok_${randomBytes(4).toString('hex')}`,
      })
    ).id;
    records.campaignId = (
      await created('/campaigns', tm, {
        brandId: records.brandId, name: `Glow ${tag}`, budgetMinor: 50_000_000, currency: 'INR', startsOn: day(0), endsOn: day(60), ownerId: ours.manager.id,
        brief: { keyMessages: ['Gentle on skin'], requiresNda: false },
      })
    ).id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const profile = {
    channels: [{ platform: 'youtube', handle: '@asha.tube', followers: 52_000, avgViews: 9_000, engagementRate: 0.05 }],
    audience: { age: { '18-24': 0.5, '25-34': 0.5 }, gender: { female: 0.8, male: 0.2 } },
    baseRates: { video: { amountMinor: 9_000_000, currency: 'INR' } },
    preferences: { refusedCategories: ['alcohol'], likedFormats: ['video'] },
    availabilityBlocks: [{ start: day(10), end: day(20), reason: 'travel' }],
  };

  it('PATCH /creators/:id replaces the profile fields given, keeps the rest, and audits both versions', async () => {
    const answer = await call('PATCH', `/creators/${records.creatorId}`, as(ours, 'talentManager'), profile);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: records.creatorId, ...profile, handle: `asha.${tag}` });
    expect(answer.body).not.toHaveProperty('payoutReference');
    const row = await system.database.db.getRepository(Creator).findOneByOrFail({ id: records.creatorId });
    expect(row).toMatchObject(profile);
    // A manager reaches the team's creators too; one field alone leaves the others as they were.
    const byManager = await call('PATCH', `/creators/${records.creatorId}`, as(ours, 'manager'), { preferences: { refusedCategories: [] } });
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ preferences: { refusedCategories: [] }, channels: profile.channels });
    const entries = (await audits(records.creatorId)).filter((entry) => entry.action === 'creator.updated');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorId: ours.talentManager.id, before: { channels: [{ platform: 'instagram', handle: '@asha', followers: 1000 }] }, after: profile });
    expect(entries[1]).toMatchObject({ actorId: ours.manager.id, before: { preferences: profile.preferences }, after: { preferences: { refusedCategories: [] } } });
  });

  it('refuses a creator out of reach (403), an unknown one (404) and bad input (400), changing nothing', async () => {
    const before = await system.database.db.getRepository(Creator).findOneByOrFail({ id: records.creatorId });
    const auditsBefore = (await audits(records.creatorId)).length;
    const patch = (auth: string, body: unknown, id = records.creatorId) => call('PATCH', `/creators/${id}`, auth, body);
    expect((await patch(as(theirs, 'talentManager'), { preferences: {} })).status).toBe(403);
    expect((await patch(as(theirs, 'manager'), { preferences: {} })).status).toBe(403);
    expect((await patch(as(ours, 'finance'), { preferences: {} })).status).toBe(403);
    expect((await patch(as(ours, 'talentManager'), { preferences: {} }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const tm = as(ours, 'talentManager');
    const bad: Array<[unknown, RegExp]> = [
      [{}, /Nothing to change/],
      [{ audience: { gender: { female: 0.9, male: 0.3 } } }, /audience/],
      [{ baseRates: { reel: { amountMinor: 1e20, currency: 'INR' } } }, /baseRates|minor units/],
      [{ channels: [{ platform: 'myspace', handle: '@a', followers: 1 }] }, /platform/],
      [{ availabilityBlocks: [{ start: day(20), end: day(10) }] }, /ends before it starts/],
      [{ ownerId: ours.manager.id }, /ownerId should not exist/],
    ];
    for (const [body, message] of bad) {
      const answer = await patch(tm, body);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body.message)).toMatch(message);
    }
    expect(await system.database.db.getRepository(Creator).findOneByOrFail({ id: records.creatorId })).toEqual(before);
    expect(await audits(records.creatorId)).toHaveLength(auditsBefore);
  });

  it('PATCH /brands/:id replaces the guideline lists given; bad input and finance are refused with nothing changed', async () => {
    const brands = system.database.db.getRepository(Brand);
    const patch = (auth: string, body: unknown, id = records.brandId) => call('PATCH', `/brands/${id}`, auth, body);
    expect((await patch(as(ours, 'finance'), { guidelines: { mandatoryHashtags: ['#x'] } })).status).toBe(403);
    expect((await patch(as(ours, 'talentManager'), { guidelines: { mandatoryHashtags: ['#x'] } }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    for (const body of [{}, { guidelines: {} }, { guidelines: { mandatoryHashtags: '#x' } }, { guidelines: { prohibitedClaims: ['x'.repeat(201)] } }, { name: 'Renamed' }]) {
      expect((await patch(as(ours, 'talentManager'), body)).status).toBe(400);
    }
    expect((await brands.findOneByOrFail({ id: records.brandId })).guidelines).toEqual({ mandatoryHashtags: ['#Lumen'] });

    const answer = await patch(as(ours, 'talentManager'), { guidelines: { mandatoryMentions: ['@lumen'], prohibitedClaims: ['cures acne'] } });
    expect(answer.status).toBe(200);
    expect(answer.body.guidelines).toEqual({ mandatoryHashtags: ['#Lumen'], mandatoryMentions: ['@lumen'], prohibitedClaims: ['cures acne'] });
    const [entry] = (await audits(records.brandId)).filter((e) => e.action === 'brand.guidelines_updated');
    expect(entry).toMatchObject({ actorId: ours.talentManager.id, before: { guidelines: { mandatoryHashtags: ['#Lumen'] } }, after: { guidelines: answer.body.guidelines } });
  });

  it('PATCH /campaigns/:id/brief merges the fields given, within the campaign owner’s reach', async () => {
    const patch = (auth: string, body: unknown) => call('PATCH', `/campaigns/${records.campaignId}/brief`, auth, body);
    expect((await patch(as(theirs, 'manager'), { dos: ['x'] })).status).toBe(403);
    expect((await patch(as(ours, 'finance'), { dos: ['x'] })).status).toBe(403);
    for (const body of [{}, { dos: 'smile' }, { requiresNda: 'yes' }, { keyMessages: ['x'.repeat(1001)] }, { budgetMinor: 1 }]) {
      expect((await patch(as(ours, 'manager'), body)).status).toBe(400);
    }
    const campaigns = system.database.db.getRepository(Campaign);
    expect((await campaigns.findOneByOrFail({ id: records.campaignId })).brief).toEqual({ keyMessages: ['Gentle on skin'], requiresNda: false });
    // The campaign is the manager's: a talent manager of the team does not reach it (as with its targeting).
    expect((await patch(as(ours, 'talentManager'), { dos: ['x'] })).status).toBe(403);
    const answer = await patch(as(ours, 'manager'), { dos: ['Show the texture'], disclosureRequirements: ['#ad in the first line'] });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ bookingsTold: [], campaign: { brief: { keyMessages: ['Gentle on skin'], requiresNda: false, dos: ['Show the texture'], disclosureRequirements: ['#ad in the first line'] } } });
    const [entry] = (await audits(records.campaignId)).filter((e) => e.action === 'campaign.brief_updated');
    expect(entry).toMatchObject({ actorId: ours.manager.id, before: { brief: { keyMessages: ['Gentle on skin'], requiresNda: false } } });
  });

  it('a brief edited after acknowledgement asks the running booking for a fresh acknowledgement before its next draft', async () => {
    const tm = as(ours, 'talentManager');
    const manager = as(ours, 'manager');
    const live = async (id: string) => (await call('GET', `/collaborations/${id}?live=true`, tm)).body;
    const stageIs = (id: string, stage: string) => waitFor(stage, async () => ((await live(id)).collaboration.stage === stage ? true : undefined));
    const creatorFor = async (name: string) =>
      (await created('/creators', tm, { name: `${name} ${tag}`, handle: `${name.toLowerCase()}.${tag}`, payoutReference: `tok_${randomBytes(4).toString('hex')}` })).id;
    const booking = await created('/collaborations', tm, { campaignId: records.campaignId, creatorId: await creatorFor('Bela'), brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000 });
    const waiting = await created('/collaborations', tm, { campaignId: records.campaignId, creatorId: await creatorFor('Chitra') });
    await waitFor('BRIEFED', async () => ((await live(booking.id)).live?.deadlines?.length ? true : undefined));
    expect((await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, tm)).status).toBe(200);
    await stageIs(booking.id, 'NEGOTIATING');
    const terms = { brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables().slice(0, 1) };
    expect((await call('POST', `/collaborations/${booking.id}/terms`, tm, terms)).status).toBe(200);
    expect((await call('POST', `/collaborations/${booking.id}/accept-terms`, tm)).status).toBe(200);
    const [contract] = await waitFor('the contract', async () => {
      const listed = (await call('GET', `/collaborations/${booking.id}/contracts`, tm)).body as { id: string; documentHash: string }[];
      return listed.length ? listed : undefined;
    });
    const sign = (auth: string, party: string) => call('POST', `/collaborations/${booking.id}/contracts/${contract.id}/signatures`, auth, { party, documentHash: contract.documentHash });
    expect((await sign(tm, 'creator')).status).toBe(200);
    expect((await sign(manager, 'agency')).status).toBe(200);
    await stageIs(booking.id, 'IN_PRODUCTION');
    const [reel] = await waitFor('the deliverable', async () => {
      const listed = (await call('GET', `/collaborations/${booking.id}/deliverables`, tm)).body as { id: string }[];
      return listed.length ? listed : undefined;
    });

    const edited = await call('PATCH', `/campaigns/${records.campaignId}/brief`, manager, { donts: ['No before/after photos'] });
    expect(edited.status).toBe(200);
    expect([...edited.body.bookingsTold].sort()).toEqual([booking.id, waiting.id].sort());
    const pending = await waitFor('the pending acknowledgement', async () => ((await live(booking.id)).live?.briefChangedAt ? (await live(booking.id)).live : undefined));
    expect(pending.history.map((entry: { event: string }) => entry.event)).toContain('brief.changed');
    // The booking still in BRIEFED had acknowledged nothing: its acknowledgement to come covers the new brief.
    expect((await live(waiting.id)).live.briefChangedAt).toBeUndefined();

    // The row says so too, and the panel offers the fresh acknowledgement on it.
    const rows = system.database.db.getRepository(Collaboration);
    expect((await rows.findOneByOrFail({ id: booking.id })).briefChangedAt).toBeInstanceOf(Date);
    expect((await rows.findOneByOrFail({ id: waiting.id })).briefChangedAt).toBeNull();
    const cookie = await panelSignIn(system.baseUrl, ours.talentManager.email, ours.password);
    const shown = await panelGet(system.baseUrl, cookie, `/admin/api/resources/Collaboration/records/${booking.id}/show`);
    expect(shown.body.record.recordActions.map((a: { name: string }) => a.name)).toContain('acknowledgeBrief');

    const drafts = `/collaborations/${booking.id}/deliverables/${reel.id}/drafts`;
    const caption = 'Sponsored: glowing with #Lumen @lumen';
    const refused = await call('POST', drafts, tm, { assetUrl: 'https://drive.example/reel.mp4', caption });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/brief changed .* acknowledge/);
    const reacknowledged = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, tm);
    expect(reacknowledged.status).toBe(200);
    expect(reacknowledged.body.briefChangedAt).toBeUndefined();
    expect(reacknowledged.body.history.map((entry: { event: string }) => entry.event)).toContain('brief.reacknowledged');
    expect((await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, tm)).status).toBe(409);
    await waitFor('the row cleared', async () => ((await rows.findOneByOrFail({ id: booking.id })).briefChangedAt === null ? true : undefined));
    const acknowledgements = (await audits(booking.id)).filter((entry) => entry.action === 'collaboration.brief_acknowledged');
    expect(acknowledgements).toHaveLength(2);

    // Brand guidelines are read when a draft is checked: the mention added above is required now.
    const withoutMention = await call('POST', drafts, tm, { assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: glowing with #Lumen' });
    expect(withoutMention.status).toBe(200);
    const [first] = withoutMention.body.deliverables.find((d: { deliverableId: string }) => d.deliverableId === reel.id).drafts;
    expect(first.compliant).toBe(false);
    expect(JSON.stringify(first.violations)).toMatch(/@lumen/);
  });

  it('the panel’s record actions edit the same fields with the same checks', async () => {
    const cookie = await panelSignIn(system.baseUrl, ours.talentManager.email, ours.password);
    const action = (resource: string, id: string, name: string, fields: Record<string, string>) => panelPost(system.baseUrl, cookie, `/admin/api/resources/${resource}/records/${id}/${name}`, fields);
    const saved = await action('Brand', records.brandId, 'editGuidelines', { mandatoryHashtags: '#Lumen\n#GlowUp', mandatoryMentions: '@lumen', prohibitedClaims: '' });
    expect(saved.body.notice).toMatchObject({ type: 'success' });
    expect((await system.database.db.getRepository(Brand).findOneByOrFail({ id: records.brandId })).guidelines).toEqual({ mandatoryHashtags: ['#Lumen', '#GlowUp'], mandatoryMentions: ['@lumen'], prohibitedClaims: [] });

    const badJson = await action('Creator', records.creatorId, 'editProfile', { audience: '{"gender": {"female": 0.9, "male": 0.9}}' });
    expect(badJson.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/audience/) });
    const profileSaved = await action('Creator', records.creatorId, 'editProfile', { baseRates: '{"reel": {"amountMinor": 7000000, "currency": "INR"}}' });
    expect(profileSaved.body.notice).toMatchObject({ type: 'success' });
    expect((await system.database.db.getRepository(Creator).findOneByOrFail({ id: records.creatorId })).baseRates).toEqual({ reel: { amountMinor: 7_000_000, currency: 'INR' } });

    const managerCookie = await panelSignIn(system.baseUrl, ours.manager.email, ours.password);
    const brief = await panelPost(system.baseUrl, managerCookie, `/admin/api/resources/Campaign/records/${records.campaignId}/editBrief`, { keyMessages: 'Gentle on skin\nFragrance free', dos: '', donts: '', deliverableSpecs: '', disclosureRequirements: '', requiresNda: 'no' });
    expect(brief.body.notice).toMatchObject({ type: 'success' });
    expect((await system.database.db.getRepository(Campaign).findOneByOrFail({ id: records.campaignId })).brief.keyMessages).toEqual(['Gentle on skin', 'Fragrance free']);
    const panelAudits = (await audits(records.campaignId)).filter((entry) => entry.action === 'campaign.brief_updated');
    expect(panelAudits.at(-1)).toMatchObject({ actorId: ours.manager.id });
  });
});
