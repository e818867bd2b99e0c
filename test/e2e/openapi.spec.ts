import { OpenApiDocument } from '../support/openapi-fuzz';
import { RunningSystem, startSystem } from '../support/system';

type Response = { description?: string };
type Operation = { parameters?: Array<{ in: string; name: string }>; security?: unknown[]; responses: Record<string, Response> };

/**
 * The OpenAPI document describes every route's refusals (issue 11, item 16) with one error body,
 * so clients (and the fuzz suite) can rely on it.
 */
describe('the OpenAPI document', () => {
  let system: RunningSystem;
  let document: OpenApiDocument & { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

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
    }
    expect(gaps).toEqual([]);
    expect(document.paths['/collaborations/{id}/acknowledge-brief'].post.responses['422'].description).toMatch(/Idempotency-Key was used for a different request/);
    expect(document.paths['/health'].get.responses['401']).toBeUndefined();
  });
});
