import { randomBytes } from 'node:crypto';
import { Schema, schemaProblems, Schemas } from '../support/answer-schema';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, sampleDeliverables, Team } from '../support/fixtures';
import { OpenApiDocument } from '../support/openapi-fuzz';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = { parameters?: Array<{ in: string; name: string }>; security?: unknown[]; responses: Record<string, Response> };

/** Answers that are files, not JSON: they must say which media type they are. */
const FILE_TYPES = ['text/csv', 'application/pdf', 'application/octet-stream'];

/**
 * The OpenAPI document describes every route's success body and refusals (issue 11, item 16),
 * with one error body, so clients (and the fuzz suite) can rely on it; real answers are checked
 * against what it says, so the two cannot drift apart.
 */
describe('the OpenAPI document', () => {
  let system: RunningSystem;
  let document: OpenApiDocument & { paths: Record<string, Record<string, Operation>>; components: { schemas: Schemas } };

  beforeAll(async () => {
    system = await startSystem();
    document = (await (await fetch(`${system.baseUrl}/docs-json`)).json()) as typeof document;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, operation })));

  it('documents the refusals each route can give, with one error body', () => {
    expect(document.components.schemas.ErrorAnswer).toMatchObject({ required: ['statusCode', 'message'] });
    const gaps: string[] = [];
    for (const { name, path, method, operation } of operations()) {
      const expected = ['400', '503'];
      if (operation.security?.length) expected.push('401', '403');
      if (path.includes('{')) expected.push('404');
      if (method !== 'get') expected.push('422');
      if (method !== 'get' && path.includes('{')) expected.push('409');
      for (const status of expected) if (!operation.responses[status]) gaps.push(`${name} ${status}`);
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (/^[45]\d\d$/.test(status) && !answer.content?.['application/json']?.schema) gaps.push(`${name} ${status}: no body schema`);
      }
    }
    expect(gaps).toEqual([]);
    expect(document.paths['/collaborations/{id}/acknowledge-brief'].post.responses['422'].description).toMatch(/Idempotency-Key was used for a different request/);
    expect(document.paths['/health'].get.responses['401']).toBeUndefined();
  });

  it('documents the success body of every route: a JSON schema, or the media type of the file it sends', () => {
    const gaps: string[] = [];
    for (const { name, operation } of operations()) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) {
        gaps.push(`${name}: no 2xx answer`);
        continue;
      }
      for (const [status, answer] of successes) {
        if (status === '204') continue;
        const types = Object.keys(answer.content ?? {});
        if (types.length === 0) gaps.push(`${name} ${status}: no content`);
        for (const type of types) {
          const schema = answer.content![type].schema as (Schema & { description?: string }) | undefined;
          if (FILE_TYPES.includes(type)) continue;
          if (type !== 'application/json') gaps.push(`${name} ${status}: ${type} is neither JSON nor a declared file type`);
          else if (!schema || !documentsSomething(schema, document.components.schemas)) gaps.push(`${name} ${status}: no schema for its JSON`);
        }
      }
    }
    expect(gaps).toEqual([]);
    // A file answer says what it is rather than pretending to be JSON.
    expect(Object.keys(document.paths['/reports/{id}/pdf'].get.responses['200'].content!)).toEqual(['application/pdf']);
  });

  it("describes every record with its entity's columns, and never a column the API does not send", () => {
    const creator = document.components.schemas.Creator;
    expect(creator.properties).toMatchObject({ id: { type: 'string', format: 'uuid' }, handle: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } });
    expect(creator.properties).not.toHaveProperty('payoutReference');
    expect(document.components.schemas.Campaign.properties).toMatchObject({ budgetMinor: { type: 'integer' }, startsOn: { type: 'string', format: 'date' } });
  });

  describe('real answers', () => {
    let team: Team;
    const tag = randomBytes(3).toString('hex');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

    /** Sends the request and checks the answer against the schema the document gives for its method, path and status. */
    async function conforming(method: string, route: string, documentedPath: string, body?: unknown, as: 'talentManager' | 'manager' | 'finance' = 'talentManager') {
      const answer = await requestJson(system.baseUrl, method, route, system.basic(team[as].email, team.password), body);
      const operation = document.paths[documentedPath][method.toLowerCase()];
      const schema = operation.responses[String(answer.status)]?.content?.['application/json']?.schema;
      expect({ route, status: answer.status, documented: Boolean(schema) }).toEqual({ route, status: answer.status, documented: true });
      expect({ route, problems: schemaProblems(answer.body, schema!, document.components.schemas) }).toEqual({ route, problems: [] });
      return answer.body;
    }

    beforeAll(async () => {
      team = await createTeam(system.database.db);
    });

    it('records, pages, workflow states and figures fit their documented schemas', async () => {
      const brand = await conforming('POST', '/brands', '/brands', { name: `Lumen ${tag}`, category: 'skincare' });
      await conforming('GET', `/brands/${brand.id}`, '/brands/{id}');
      await conforming('GET', `/brands?search=${tag}`, '/brands');
      const creator = await conforming('POST', '/creators', '/creators', {
        name: `Asha ${tag}`, handle: `asha.${tag}`, niches: ['beauty'], payoutReference: `tok_${tag}`,
        channels: [{ platform: 'instagram', handle: '@asha', followers: 1000, engagementRate: 0.03 }],
      });
      expect(creator).not.toHaveProperty('payoutReference');
      await conforming('GET', `/creators/${creator.id}`, '/creators/{id}');
      const campaign = await conforming('POST', '/campaigns', '/campaigns', {
        brandId: brand.id, name: `Glow ${tag}`, budgetMinor: 50_000_000, currency: 'INR', startsOn: day(1), endsOn: day(60), ownerId: team.manager.id,
      });
      await conforming('GET', `/campaigns/${campaign.id}`, '/campaigns/{id}');
      await conforming('GET', `/campaigns?search=${tag}`, '/campaigns');
      await conforming('GET', `/campaigns/${campaign.id}/candidates`, '/campaigns/{id}/candidates');
      const booking = await conforming('POST', '/collaborations', '/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 1_000_000, creatorFeeMinor: 800_000 });
      const state = await conforming('POST', `/collaborations/${booking.id}/acknowledge-brief`, '/collaborations/{id}/acknowledge-brief');
      expect(state.history.length).toBeGreaterThan(0);
      const view = await conforming('GET', `/collaborations/${booking.id}`, '/collaborations/{id}');
      expect(view.state.stage).toEqual(expect.any(String));
      const asked = await conforming('GET', `/collaborations/${booking.id}?live=true`, '/collaborations/{id}');
      expect(asked.live).not.toBeNull();
      await conforming('GET', `/collaborations?campaignId=${campaign.id}`, '/collaborations');
      await conforming('GET', `/collaborations/${booking.id}/deliverables`, '/collaborations/{id}/deliverables');
      await conforming('GET', `/collaborations/${booking.id}/contracts`, '/collaborations/{id}/contracts');
      await conforming('GET', `/collaborations/${booking.id}/escalations`, '/collaborations/{id}/escalations');
      const live = await conforming('GET', `/campaigns/${campaign.id}/state`, '/campaigns/{id}/state');
      expect(live.live.bookings).toHaveLength(1);
      await conforming('GET', '/recommendation-weights', '/recommendation-weights', undefined, 'manager');
      await conforming('GET', `/kpis?scope=team&id=${team.manager.id}&period=month&start=${day(0).slice(0, 8)}01`, '/kpis', undefined, 'manager');
      await conforming('GET', `/analytics/campaigns/${campaign.id}`, '/analytics/{kind}/{id}', undefined, 'manager');
      await conforming('GET', '/health', '/health');
      await conforming('GET', '/me/notification-preferences', '/me/notification-preferences');
      await conforming('PUT', '/me/notification-preferences', '/me/notification-preferences', { emailCadence: 'daily_digest' });
      const webhook = await conforming('POST', '/webhooks', '/webhooks', { name: `Ops ${tag}`, url: 'https://hooks.example.com/ops' }, 'manager');
      await conforming('GET', '/webhooks', '/webhooks', undefined, 'manager');
      await conforming('PATCH', `/webhooks/${webhook.id}`, '/webhooks/{id}', { active: false }, 'manager');
      await conforming('POST', `/webhooks/${webhook.id}/rotate-secret`, '/webhooks/{id}/rotate-secret', undefined, 'manager');
      await conforming('DELETE', `/webhooks/${webhook.id}`, '/webhooks/{id}', undefined, 'manager');
      // Refusals fit the one error body.
      expect((await conforming('GET', '/campaigns/00000000-0000-4000-8000-000000000000', '/campaigns/{id}')).statusCode).toBe(404);
      expect((await conforming('POST', '/brands', '/brands', { name: '' })).statusCode).toBe(400);
      expect((await conforming('POST', `/campaigns/${campaign.id}/close`, '/campaigns/{id}/close', {}, 'finance')).statusCode).toBe(403);
    });

    it('a booking taken from brief to paid answers, at every decision, what the document says', async () => {
      const asManager = 'manager' as const;
      const brand = await conforming('POST', '/brands', '/brands', { name: `Aurel ${tag}`, category: 'skincare' });
      const creator = await conforming('POST', '/creators', '/creators', {
        name: `Bela ${tag}`, handle: `bela.${tag}`, niches: ['beauty'], payoutReference: `tok_b${tag}`,
        channels: [{ platform: 'instagram', handle: '@bela', followers: 1000, engagementRate: 0.03 }],
      });
      const campaign = await conforming('POST', '/campaigns', '/campaigns', {
        brandId: brand.id, name: `Dew ${tag}`, budgetMinor: 50_000_000, currency: 'INR', startsOn: day(1), endsOn: day(60), ownerId: team.manager.id,
        slaOverrides: { measureFirst: '1s', measureSecond: '2s', paymentDay: '10ms' },
      });
      const booking = await conforming('POST', '/collaborations', '/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000 });
      const path = (suffix: string) => `/collaborations/${booking.id}${suffix}`;
      const stage = (wanted: string) =>
        waitFor(wanted, async () => ((await conforming('GET', path(''), '/collaborations/{id}')).collaboration.stage === wanted ? true : undefined), 30_000);
      await conforming('POST', path('/acknowledge-brief'), '/collaborations/{id}/acknowledge-brief');
      await stage('NEGOTIATING');
      const terms = { brandPriceMinor: 6_000_000, creatorFeeMinor: 4_500_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables().slice(0, 1), usageRights: { channels: ['instagram'], durationDays: 30 } };
      await conforming('POST', path('/terms'), '/collaborations/{id}/terms', terms);
      const agreed = await conforming('POST', path('/accept-terms'), '/collaborations/{id}/accept-terms');
      expect(agreed.negotiation.agreed).toBeDefined();
      await stage('CONTRACTING');
      const [contract] = await waitFor('the contract', async () => {
        const contracts = await conforming('GET', path('/contracts'), '/collaborations/{id}/contracts');
        return contracts.length ? contracts : undefined;
      });
      const signatures = '/collaborations/{id}/contracts/{contractId}/signatures';
      await conforming('POST', path(`/contracts/${contract.id}/signatures`), signatures, { party: 'creator', documentHash: contract.documentHash });
      await conforming('POST', path(`/contracts/${contract.id}/signatures`), signatures, { party: 'agency', documentHash: contract.documentHash }, asManager);
      await stage('IN_PRODUCTION');
      const [deliverable] = await waitFor('the deliverables', async () => {
        const listed = await conforming('GET', path('/deliverables'), '/collaborations/{id}/deliverables');
        return listed.length ? listed : undefined;
      });
      const drafts = `/deliverables/${deliverable.id}/drafts`;
      const inReview = await conforming('POST', path(drafts), '/collaborations/{id}/deliverables/{deliverableId}/drafts', { assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: dew all day' });
      expect(inReview.deliverables[0].drafts).toHaveLength(1);
      await conforming('POST', path(`${drafts}/1/review`), '/collaborations/{id}/deliverables/{deliverableId}/drafts/{version}/review', { decision: 'approve' }, asManager);
      await stage('POSTING');
      await conforming('POST', path(`/deliverables/${deliverable.id}/post`), '/collaborations/{id}/deliverables/{deliverableId}/post', { liveUrl: 'https://www.instagram.com/reel/B2/', caption: 'Sponsored: dew all day' });
      await stage('PAYOUT');
      await waitFor('the payout request', async () => ((await conforming('GET', path('/payout'), '/collaborations/{id}/payout', undefined, 'finance')).payoutId ? true : undefined));
      await conforming('POST', path('/payout/invoice'), '/collaborations/{id}/payout/invoice', { invoiceNumber: `INV-${tag}` });
      await conforming('POST', path('/payout/approve'), '/collaborations/{id}/payout/approve', undefined, 'finance');
      await stage('COMPLETED');
      const paid = await conforming('GET', path(''), '/collaborations/{id}', undefined, 'finance');
      expect(paid.state.payout).toMatchObject({ status: 'paid' });
      expect(paid.state.deliverables).toHaveLength(1);
      const paidLive = await conforming('GET', path('?live=true'), '/collaborations/{id}', undefined, 'finance');
      expect(paidLive.live.payout).toMatchObject({ status: 'paid' });
      await waitFor('the rating task', async () => {
        const tasks = await conforming('GET', '/satisfaction/tasks', '/satisfaction/tasks');
        return tasks.some((task: { collaborationId: string }) => task.collaborationId === booking.id) ? true : undefined;
      });
      expect((await conforming('POST', path('/satisfaction'), '/collaborations/{id}/satisfaction', { rating: 5 })).rating).toBe(5);
      expect((await conforming('GET', path('/satisfaction'), '/collaborations/{id}/satisfaction')).rating).toBe(5);
      await conforming('GET', path('/escalations'), '/collaborations/{id}/escalations');
    });

    it('the checker itself finds an answer that lost a field, grew one, or changed its type', () => {
      const campaignSchema = document.components.schemas.Campaign;
      const valid = Object.fromEntries(
        Object.entries(campaignSchema.properties!).filter(([key]) => campaignSchema.required!.includes(key)).map(([key, property]) => [key, sample(property)]),
      );
      expect(schemaProblems(valid, campaignSchema, document.components.schemas)).toEqual([]);
      const { name: _lost, ...withoutName } = valid;
      expect(schemaProblems(withoutName, campaignSchema, document.components.schemas)).toEqual(['at $: "name" is missing']);
      expect(schemaProblems({ ...valid, secret: 1 }, campaignSchema, document.components.schemas)).toEqual(['at $: "secret" is not documented']);
      expect(schemaProblems({ ...valid, budgetMinor: '5' }, campaignSchema, document.components.schemas)).toEqual(['at $.budgetMinor: expected an integer, got "5"']);
    });
  });
});

/** Something a client can read a shape from: a type, a reference, or alternatives. */
function documentsSomething(schema: Schema, schemas: Schemas): boolean {
  // A class with no documented properties becomes an empty object schema: that documents nothing.
  if (schema.$ref) return documentsSomething(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, schemas);
  if (schema.type === 'array') return Boolean(schema.items && documentsSomething(schema.items, schemas));
  if (schema.type === 'object') return Boolean(Object.keys(schema.properties ?? {}).length || schema.additionalProperties);
  return Boolean(schema.type || schema.allOf || schema.oneOf || schema.anyOf || schema.properties || schema.items);
}

/** A value of the schema's type, for the checker's own test. */
function sample(schema: Schema): unknown {
  if (schema.nullable) return null;
  if (schema.enum) return schema.enum[0];
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date') return '2026-12-01';
  if (schema.format === 'date-time') return '2026-12-01T00:00:00.000Z';
  switch (schema.type) {
    case 'string': return 'x';
    case 'integer': case 'number': return 1;
    case 'boolean': return true;
    case 'array': return [];
    default: return {};
  }
}
