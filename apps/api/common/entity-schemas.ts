import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataArgsStorage } from 'typeorm';
import type { ColumnMetadataArgs } from 'typeorm/metadata-args/ColumnMetadataArgs';

type Schema = Record<string, unknown>;
/** An entity class, as TypeORM's metadata names it. */
type EntityClass = abstract new (...args: never[]) => unknown;

/**
 * Records the API answers with as they are loaded (a row, a page of rows) have their schema read
 * from the TypeORM entity itself, so a new column is documented the moment it exists instead of
 * in a second class that would drift. libs/domain carries no framework decorators; this is where
 * its columns meet OpenAPI.
 */
export function withEntitySchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ??= {};
  const storage = getMetadataArgsStorage();
  for (const table of storage.tables) {
    if (typeof table.target !== 'function') continue;
    const name = table.target.name;
    const existing = schemas[name] as Schema | undefined;
    // A controller's own DTO of the same name wins; an entity swagger met as a bare class has no properties.
    if (existing && Object.keys((existing.properties as object | undefined) ?? {}).length > 0) continue;
    schemas[name] = entitySchema(table.target as EntityClass) as never;
  }
  return document;
}

/** The JSON a loaded entity of `target` serialises to: every selected column, relations when loaded. */
export function entitySchema(target: EntityClass): Schema {
  const storage = getMetadataArgsStorage();
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const column of storage.columns.filter((c) => c.target === target)) {
    if (column.options.select === false) continue;
    properties[column.propertyName] = columnSchema(column, target);
    required.push(column.propertyName);
  }
  for (const relation of storage.relations.filter((r) => r.target === target)) {
    const type = typeof relation.type === 'function' ? (relation.type as () => EntityClass)() : undefined;
    if (!type?.name) continue;
    const one = { $ref: `#/components/schemas/${type.name}` };
    const many = relation.relationType === 'one-to-many' || relation.relationType === 'many-to-many';
    properties[relation.propertyName] = { description: 'Only when the route loads it', ...(many ? { type: 'array', items: one } : { allOf: [one] }) };
  }
  return { type: 'object', required, properties };
}

function columnSchema(column: ColumnMetadataArgs, target: EntityClass): Schema {
  const declared = column.options.type ?? (column.mode === 'createDate' || column.mode === 'updateDate' ? 'timestamptz' : undefined);
  const type = typeof declared === 'string' ? declared : (Reflect.getMetadata('design:type', target.prototype, column.propertyName) as { name: string } | undefined)?.name;
  const one = scalar(type ?? '', column);
  const schema: Schema = column.options.array ? { type: 'array', items: one } : one;
  if (column.options.nullable) schema.nullable = true;
  if (column.options.enum) schema.enum = Object.values(column.options.enum as object);
  if (column.options.comment) schema.description = column.options.comment;
  return schema;
}

function scalar(type: string, column: ColumnMetadataArgs): Schema {
  switch (type.toLowerCase()) {
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'varchar':
    case 'character varying':
    case 'char':
    case 'text':
    case 'string':
      return { type: 'string', ...(column.options.length ? { maxLength: Number(column.options.length) } : {}) };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'timestamptz':
    case 'timestamp':
    case 'timestamp with time zone':
    case 'date-time':
      return { type: 'string', format: 'date-time' };
    case 'integer':
    case 'int':
    case 'smallint':
      return { type: 'integer' };
    case 'bigint':
      // Minor units come back as numbers (libs/domain/entities/columns.ts); other bigints as pg's strings.
      return column.options.transformer ? { type: 'integer', description: 'Minor units' } : { type: 'string', pattern: '^-?\\d+$' };
    case 'numeric':
    case 'decimal':
      return column.options.transformer ? { type: 'number' } : { type: 'string', description: 'A decimal, as text' };
    case 'real':
    case 'double precision':
    case 'float':
    case 'number':
      return { type: 'number' };
    case 'boolean':
    case 'bool':
      return { type: 'boolean' };
    case 'jsonb':
    case 'json':
      return { description: 'JSON' };
    default:
      return {};
  }
}
