import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** Deeper than this, narrow the list with its filters instead: offsets that deep scan what they skip. */
export const MAX_OFFSET = 10_000;

/** Paging every list route takes: `limit` (1–100, default 25) and `offset` (0–10,000). */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET)
  offset?: number;
}

/** A yes/no filter in a query string. */
export const YES_NO = ['true', 'false'] as const;
export type YesNo = (typeof YES_NO)[number];

/** The sort values a list accepts: each field ascending, or descending with a leading "-". */
export function sortValues(fields: readonly string[]): string[] {
  return fields.flatMap((field) => [field, `-${field}`]);
}

export class PageDto {
  @ApiProperty({ description: 'Rows matching the filters, in all pages' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The offset of the next page; null on the last page' }) nextOffset: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
}

/**
 * One page of `query`, ordered by `sort` ("field" or "-field", checked by the DTO against the
 * columns named in `sortable`) and then by id, so pages never overlap or skip a row.
 */
export async function pageOf<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: { limit?: number; offset?: number; sort?: string },
  sortable: Record<string, string>,
  defaultSort: string,
): Promise<Page<T>> {
  const sort = page.sort ?? defaultSort;
  const descending = sort.startsWith('-');
  const column = sortable[descending ? sort.slice(1) : sort];
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const offset = page.offset ?? 0;
  const alias = query.alias;
  const [items, total] = await query
    .orderBy(column, descending ? 'DESC' : 'ASC', 'NULLS LAST')
    .addOrderBy(`${alias}.id`, 'ASC')
    .skip(offset)
    .take(limit)
    .getManyAndCount();
  return { items, total, limit, offset, nextOffset: offset + items.length < total ? offset + items.length : null };
}

/** Narrows `query` to the rows whose `column` names an owner the actor reaches ('all': no narrowing). */
export function withinOwners<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, owners: 'all' | string[]): SelectQueryBuilder<T> {
  if (owners === 'all') return query;
  if (owners.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(`${column} IN (:...owners)`, { owners });
}

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
export function containing(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Ensures a sort value is one of `fields` (for the DTOs' @IsIn). */
export const IsSort = (fields: readonly string[]) => IsIn(sortValues(fields), { message: `sort must be one of ${sortValues(fields).join(', ')}` });
