import fc from 'fast-check';

/**
 * Requests generated from the API's own OpenAPI document, for the fuzz suite: every operation,
 * its path parameters drawn from real ids, unknown ids and junk, its query and body from the
 * declared schema, from the schema with one field broken, or from any JSON at all.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
}

export interface FuzzRequest {
  method: string;
  /** The path with its parameters filled in and its query string. */
  url: string;
  operation: string;
  contentType?: string;
  body?: string;
  /** Index into the credentials the suite offers (signed-out and wrong ones included). */
  as: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = operation.requestBody?.content ?? {};
      const [contentType] = Object.keys(content);
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: contentType ? { contentType, schema: resolve(document, content[contentType].schema ?? {}) } : undefined,
      });
    }
  }
  return operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function resolve(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(document, document.components?.schemas?.[name] ?? {}, depth + 1);
  }
  const all = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (all?.length) return resolve(document, all[0], depth + 1);
  return {
    ...schema,
    items: schema.items ? resolve(document, schema.items, depth + 1) : undefined,
    properties: schema.properties
      ? Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(document, value, depth + 1)]))
      : undefined,
  };
}

/** Values that break most fields: wrong types, out-of-range numbers, very long or odd text. */
const broken: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(1e20, -1, 9007199254740993, 0, -0.5, 2 ** 31, '', ' ', '2026-02-30', 'not-a-uuid', '<script>', "'; DROP TABLE users; --", '\u0000'),
  fc.constant('x'.repeat(5000)),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A value the schema admits (mostly), using real ids where the field is a uuid. */
function valid(schema: Schema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
      if (schema.format === 'date') return fc.integer({ min: -400, max: 400 }).map(day);
      if (schema.format === 'date-time') return fc.integer({ min: -400, max: 400 }).map((offset) => `${day(offset)}T12:00:00.000Z`);
      return fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }),
        fc.constantFrom('INR', 'USD', 'instagram', 'reel', 'IN', 'US', 'https://cdn.example.com/a.mp4', 'a'.repeat(64), '24h', day(30)),
      );
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100_000_000, 100_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(valid(schema.items ?? {}, ids, depth + 1), { maxLength: 3 });
    case 'object':
    default: {
      if (!schema.properties || depth > 3) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties);
      return fc.record(
        Object.fromEntries(entries.map(([key, value]) => [key, valid(value, ids, depth + 1)])),
        { requiredKeys: entries.map(([key]) => key).filter((key) => required.has(key)) },
      );
    }
  }
}

/** The schema's value with one field replaced by a broken one, or left out. */
function oneFieldBroken(schema: Schema, ids: string[]): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  if (!keys.length) return broken;
  return fc.tuple(valid(schema, ids), fc.constantFrom(...keys), broken, fc.boolean()).map(([value, key, bad, drop]) => {
    const body = { ...(value as Record<string, unknown>) };
    if (drop) delete body[key];
    else body[key] = bad;
    return body;
  });
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'));

const csv: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('date,creator,orders,gmv,returns,cancellations,currency', 'creator,views,date', 'x', ''),
    fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(day(-3), '12', '-1', '1e20', 'INR', 'instagram:@x')), { maxLength: 8 }), { maxLength: 6 }),
  )
  .map(([header, rows]) => [header, ...rows.map((row) => row.join(','))].join('\n'));

/**
 * The arbitrary of requests over `operations`. `idsFor(path, parameter)` names real ids for a
 * path parameter (a booking's deliverables for `deliverableId`, brands for `/brands/{id}`, ...).
 */
export function requestArbitrary(operations: Operation[], idsFor: (path: string, parameter: string) => string[], credentials: number): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) => {
    const pathParameters = operation.parameters.filter((p) => p.in === 'path');
    const queryParameters = operation.parameters.filter((p) => p.in === 'query');
    const allIds = [...new Set(pathParameters.flatMap((p) => idsFor(operation.path, p.name)))];
    const pathValue = (p: Parameter): fc.Arbitrary<string> => {
      const ids = idsFor(operation.path, p.name);
      const real = ids.length ? fc.constantFrom(...ids) : fc.uuid();
      if (p.schema?.type === 'integer' || p.schema?.type === 'number') return fc.oneof(fc.integer({ min: -1, max: 5 }).map(String), fc.constantFrom('x', '1e20', '1.5'));
      return fc.oneof({ weight: 6, arbitrary: real }, { weight: 2, arbitrary: fc.uuid() }, { weight: 2, arbitrary: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('..', '%00', 'null', '0')) });
    };
    const queryValue = (p: Parameter): fc.Arbitrary<string | undefined> =>
      fc.oneof(fc.constant(undefined), valid(p.schema ?? { type: 'string' }, allIds).map(asText), broken.map(asText));
    const body: fc.Arbitrary<{ contentType?: string; body?: string }> = !operation.body
      ? fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })) })
      : operation.body.contentType.startsWith('text/')
        ? csv.map((text) => ({ contentType: operation.body!.contentType, body: text }))
        : fc
            .oneof(
              { weight: 4, arbitrary: valid(operation.body.schema, allIds) },
              { weight: 4, arbitrary: oneFieldBroken(operation.body.schema, allIds) },
              { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
            )
            .map((value) => ({ contentType: operation.body!.contentType, body: JSON.stringify(value) ?? 'null' }));
    return fc
      .tuple(fc.tuple(...pathParameters.map(pathValue)), fc.tuple(...queryParameters.map(queryValue)), body, fc.integer({ min: 0, max: credentials - 1 }))
      .map(([pathValues, queryValues, payload, as]) => {
        let url = operation.path;
        pathParameters.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(pathValues[i]))));
        const query = queryParameters
          .map((p, i) => (queryValues[i] === undefined ? null : `${encodeURIComponent(p.name)}=${encodeURIComponent(queryValues[i]!)}`))
          .filter(Boolean)
          .join('&');
        return { method: operation.method, url: query ? `${url}?${query}` : url, operation: `${operation.method} ${operation.path}`, ...payload, as };
      });
  });
}
