import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

/**
 * Below this many matching rows, by PostgreSQL's own estimate, the panel counts them exactly;
 * at or above it, the estimate is the total (docs/operations.md#list-pages-at-scale). An exact
 * count(*) reads every matching row: at a million bookings it cost more than the page itself,
 * for a total nobody reads to the unit. The planner's estimate comes from the table's
 * statistics, which autovacuum keeps fresh, and costs a plan, not a scan.
 */
export const EXACT_COUNT_BELOW = 100_000;

/** The planner's row estimate for the rows matching `where`. */
export async function estimatedRows(repository: Repository<ObjectLiteral>, where: unknown): Promise<number> {
  const [sql, parameters] = repository
    .createQueryBuilder('counted')
    .setFindOptions({ where: where as FindOptionsWhere<ObjectLiteral> })
    .getQueryAndParameters();
  const [row] = (await repository.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[];
  return row['QUERY PLAN'][0].Plan['Plan Rows'];
}

/** The panel's total for a list: exact when small, the planner's estimate when large. */
export async function panelTotal(repository: Repository<ObjectLiteral>, options: { where?: unknown }, exactBelow = EXACT_COUNT_BELOW): Promise<number> {
  const estimate = await estimatedRows(repository, options.where);
  if (estimate >= exactBelow) return Math.round(estimate);
  return repository.count(options as Parameters<Repository<ObjectLiteral>['count']>[0]);
}
