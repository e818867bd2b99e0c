/**
 * A small structural check of a JSON value against an OpenAPI 3.0 schema: types, nullable,
 * required properties, enums, uuid / date / date-time formats, $ref, allOf / oneOf / anyOf,
 * arrays and maps. A property the schema does not declare is a problem too, so an answer that
 * grew a field its documentation lacks is caught, not only one that lost a field.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export type Schemas = Record<string, Schema>;

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

/** The problems found, one per line ("at $.items[0].id: …"); empty when the value fits. */
export function schemaProblems(value: unknown, schema: Schema, schemas: Schemas, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = schemas[name];
    return target ? schemaProblems(value, target, schemas, at) : [`at ${at}: ${schema.$ref} is not in the document`];
  }
  if (value === null) return schema.nullable || (!schema.type && !schema.allOf && !schema.oneOf && !schema.anyOf && !schema.properties) ? [] : [`at ${at}: null, but not nullable`];
  if (schema.allOf) {
    // The parts together declare the object's properties: check each part without its own "undeclared" rule, then the union.
    const merged = mergeAll(schema.allOf, schemas);
    return schemaProblems(value, { ...merged, nullable: schema.nullable ?? merged.nullable }, schemas, at);
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const each = alternatives.map((alternative) => schemaProblems(value, alternative, schemas, at));
    return each.some((problems) => problems.length === 0) ? [] : [`at ${at}: fits none of the alternatives (${each.map((p) => p[0]).join('; ')})`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`at ${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case undefined:
      return [];
    case 'string':
      if (typeof value !== 'string') return [`at ${at}: expected a string, got ${JSON.stringify(value)}`];
      if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format].test(value)) return [`at ${at}: "${value}" is not a ${schema.format}`];
      return [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`at ${at}: expected an integer, got ${JSON.stringify(value)}`];
    case 'number':
      return typeof value === 'number' ? [] : [`at ${at}: expected a number, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`at ${at}: expected a boolean, got ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`at ${at}: expected an array`];
      return schema.items ? value.flatMap((item, index) => schemaProblems(item, schema.items!, schemas, `${at}[${index}]`)) : [];
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`at ${at}: expected an object`];
      const record = value as Record<string, unknown>;
      const problems = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `at ${at}: "${key}" is missing`);
      for (const [key, item] of Object.entries(record)) {
        const declared = schema.properties?.[key];
        if (declared) problems.push(...schemaProblems(item, declared, schemas, `${at}.${key}`));
        else if (typeof schema.additionalProperties === 'object') problems.push(...schemaProblems(item, schema.additionalProperties, schemas, `${at}.${key}`));
        else if (schema.properties && schema.additionalProperties !== true) problems.push(`at ${at}: "${key}" is not documented`);
      }
      return problems;
    }
    default:
      return [`at ${at}: unknown type ${type}`];
  }
}

function mergeAll(parts: Schema[], schemas: Schemas): Schema {
  const merged: Schema = { type: 'object', properties: {}, required: [] };
  for (const part of parts) {
    const resolved = part.$ref ? schemas[part.$ref.replace('#/components/schemas/', '')] ?? {} : part;
    const flat = resolved.allOf ? mergeAll(resolved.allOf, schemas) : resolved;
    Object.assign(merged.properties!, flat.properties);
    merged.required!.push(...(flat.required ?? []));
    if (flat.nullable) merged.nullable = true;
  }
  return merged;
}
