import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { queryPrepared } from './prepared-statements';

/**
 * Hand-written SQL whose rows become entities, as TypeORM's own reads make them: for hot reads
 * (a decision's booking, a booking with its projection in one statement), where TypeORM building
 * the query and a second round trip to PostgreSQL were most of the read's cost. `entityColumns`
 * lists what a `find` selects (not `select: false` columns); `entityFromRow` turns a row back into
 * the entity through the driver's own conversion and each column's transformer.
 */
export function entityColumns<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>, alias: string): string {
  return selectable(db, target)
    .map((column) => `${alias}."${column.databaseName}"`)
    .join(', ');
}

export function entityFromRow<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = db.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of selectable(db, target)) {
    if (!(column.databaseName in row)) continue;
    column.setEntityValue(entity, db.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

/**
 * `findOneBy({ <primary key>: id })` as one plain statement: in the manager's transaction when it
 * has one, else prepared (libs/db/prepared-statements.ts).
 */
export async function findById<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, id: string): Promise<T | null> {
  const db = manager.connection;
  const metadata = db.getMetadata(target);
  const sql = `SELECT ${entityColumns(db, target, 'e')} FROM ${db.driver.escape(metadata.tablePath)} e WHERE e.${db.driver.escape(metadata.primaryColumns[0].databaseName)} = $1`;
  const [row]: Array<Record<string, unknown>> = manager.queryRunner
    ? await manager.query(sql, [id])
    : await queryPrepared(db, `find-by-id:${metadata.tablePath}`, sql, [id]);
  return row ? entityFromRow(db, target, row) : null;
}

function selectable<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>): ColumnMetadata[] {
  return db.getMetadata(target).columns.filter((column) => column.isSelect && !column.isVirtual);
}
