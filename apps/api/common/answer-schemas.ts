import type { SchemaObject } from '@nestjs/swagger';

/**
 * Building blocks for the OpenAPI schemas of answers that are not records (workflow states,
 * reports, figures): each feature folder describes its own answers with these, and
 * test/e2e/openapi.spec.ts checks real answers against them.
 */
export type Schema = SchemaObject;

export const text = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
export const integer = (description?: string): Schema => ({ type: 'integer', ...(description ? { description } : {}) });
export const number = (description?: string): Schema => ({ type: 'number', ...(description ? { description } : {}) });
export const boolean = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const uuid = (description?: string): Schema => ({ type: 'string', format: 'uuid', ...(description ? { description } : {}) });
export const instant = (description?: string): Schema => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
export const day = (description?: string): Schema => ({ type: 'string', format: 'date', ...(description ? { description } : {}) });
export const oneOf = (values: readonly string[], description?: string): Schema => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
export const list = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });
/** A record's schema, read from its entity (apps/api/common/entity-schemas.ts). */
export const record = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` }) as Schema;
/** Free-form JSON whose shape is documented elsewhere (the description says where). */
export const json = (description: string): Schema => ({ description });
/** A map from names to one kind of value. */
export const mapOf = (values: Schema, description?: string): Schema => ({ type: 'object', additionalProperties: values, ...(description ? { description } : {}) });

/** An object: `required` properties always present, `optional` ones only when they apply. */
export function object(required: Record<string, Schema>, optional: Record<string, Schema> = {}, description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    ...(Object.keys(required).length ? { required: Object.keys(required) } : {}),
    properties: { ...required, ...optional },
  };
}

/** Who took a decision: a user id and the role they acted in. */
export const ACTOR = object({ userId: uuid(), role: text() });

/** A reporting period (libs/domain/rules/periods.ts), with whether its figures can still change. */
export const PERIOD = object({
  kind: oneOf(['month', 'quarter', 'custom']),
  start: day('First day, inclusive'),
  end: day('The day after the last day'),
  lastDay: day(),
  previous: object({ start: day(), end: day() }),
  label: text(),
  provisional: boolean('Sales inside the return window can still be returned'),
  returnWindowDays: integer(),
});

/** Amounts in minor units per currency code. */
export const MONEY_BY_CURRENCY = mapOf(integer(), 'Minor units per currency');
/** A ratio per currency; null where it cannot be measured. */
export const RATIO_BY_CURRENCY = mapOf(nullable(number()), 'Per currency; null where not measurable');
