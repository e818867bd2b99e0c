import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Import } from '../../../libs/domain/entities';
import { ImportKind, ImportOutcome, type CellProblem } from '../../../libs/domain/rules/import-rows';
import type { Actor } from '../../../libs/domain/rules/roles';

/** A bad row as the answer lists it: the file's line (header = 1), the column as the file names it (null: the row as a whole), why. */
export interface Rejection {
  line: number;
  column: string | null;
  message: string;
}

/** The body of every import answer (docs/imports.md#answers). */
export interface ImportAnswer {
  /** Keys that were new. */
  imported: number;
  /** Keys that existed and were overwritten. */
  replaced: number;
  /** The first MAX_LISTED_REJECTIONS bad rows, in file order. */
  rejected: Rejection[];
  /** Every bad row. */
  rejectedCount: number;
}

/** How a caller (REST or the panel) asks for an import. */
export interface ImportRequest {
  actor: Actor;
  /** Store the good rows even when some are bad (default: all-or-nothing). */
  partial?: boolean;
  /** Parse and check, store nothing, and answer with a preview (the panel's upload page). */
  dryRun?: boolean;
  fileName?: string | null;
  /** Defaults to IMPORT_MAX_BYTES. */
  maxBytes?: number;
}

export type ImportResult =
  | { outcome: ImportOutcome.Stored | ImportOutcome.PartiallyStored; importId: string; answer: ImportAnswer }
  /** `unreadable`: the header or the CSV itself was wrong, so the rows were not even read. */
  | { outcome: ImportOutcome.Refused; importId: string; answer: ImportAnswer; unreadable: boolean }
  | { outcome: 'preview'; answer: ImportAnswer & { dryRun: true; rows: number; preview: Record<string, unknown>[] } };

export const MAX_LISTED_REJECTIONS = 1_000;
/** Rows a dry run shows. */
export const PREVIEW_ROWS = 20;
/** Rows staged per INSERT (one round trip each). */
export const STAGING_BATCH = 1_000;

/**
 * The bad rows of one file: the first 1,000 kept for the answer, all of them counted, so a
 * file of 100,000 bad rows holds 1,000 in memory. One entry per row: its first problem's
 * column, and every problem of the row in the message.
 */
export class Rejections {
  readonly listed: Rejection[] = [];
  count = 0;
  /** The file cannot be read on (a header it does not understand, broken CSV): refused even with `partial`. */
  fatal = false;

  constructor(private readonly partial = false) {}

  /** Nothing of this file will be stored: the rest is only checked, to list every bad row. */
  get refusing(): boolean {
    return this.fatal || (this.count > 0 && !this.partial);
  }

  add(line: number, problems: readonly CellProblem[]): void {
    if (problems.length === 0) return;
    this.count += 1;
    if (this.listed.length >= MAX_LISTED_REJECTIONS) return;
    const message =
      problems.length === 1 ? problems[0].message : problems.map((problem) => (problem.column ? `${problem.column}: ${problem.message}` : problem.message)).join('; ');
    this.listed.push({ line, column: problems[0].column, message });
  }
}

/** Columns of a staging table in insertion order, with their PostgreSQL array types for unnest. */
export type StagingColumns = ReadonlyArray<readonly [name: string, arrayType: string]>;

/** Distinct short strings a staging table keeps one copy of (dates, currencies, statuses); past it, copies are kept as they come. */
const INTERNED_STRINGS = 10_000;

/**
 * Validated rows on their way to the target table, in batches, inside the import's one
 * transaction: a temporary table dropped at commit or rollback, filled with one `unnest` insert
 * per batch, so memory holds one batch whatever the file's size.
 *
 * A batch is kept as one array per column of plain values, repeated strings shared, never as
 * row objects: what a batch holds outlives the young generation's collections while it fills,
 * so V8 promotes it, and the smaller it is the less dead weight the old generation gathers
 * between its (rare) collections in a process as large as the API.
 */
export class StagingTable<Row> {
  private readonly batch: unknown[][];
  private size = 0;
  private readonly interned = new Map<string, string>();
  rows = 0;

  constructor(
    private readonly tx: QueryRunner,
    readonly name: string,
    private readonly columns: StagingColumns,
    private readonly values: (row: Row) => readonly unknown[],
    /** True once the file is refused: rows are then only counted, not written. */
    private readonly discarding: () => boolean = () => false,
  ) {
    this.batch = columns.map(() => []);
  }

  async create(definition: string): Promise<void> {
    await this.tx.query(`CREATE TEMPORARY TABLE "${this.name}" (${definition}) ON COMMIT DROP`);
  }

  async add(row: Row): Promise<void> {
    this.rows += 1;
    if (this.discarding()) return;
    this.values(row).forEach((value, index) => this.batch[index].push(typeof value === 'string' ? this.intern(value) : value));
    this.size += 1;
    if (this.size >= STAGING_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0 || this.discarding()) return;
    const names = this.columns.map(([name]) => `"${name}"`).join(', ');
    const unnest = this.columns.map(([, type], index) => `$${index + 1}::${type}`).join(', ');
    await this.tx.query(`INSERT INTO "${this.name}" (${names}) SELECT * FROM unnest(${unnest})`, this.batch);
    for (const column of this.batch) column.length = 0;
    this.size = 0;
  }

  private intern(value: string): string {
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    if (this.interned.size < INTERNED_STRINGS && value.length <= 40) this.interned.set(value, value);
    return value;
  }
}

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  format: string;
  request: ImportRequest;
  imported: number;
  replaced: number;
  rejectedCount: number;
  outcome: ImportOutcome;
}

function importRow(record: ImportRecord) {
  const { id, kind, format, request, imported, replaced, rejectedCount, outcome } = record;
  return { id, kind, format, fileName: request.fileName ?? null, actorId: request.actor.userId, imported, replaced, rejectedCount, partial: request.partial === true, outcome };
}

/** The `imports` row (written, or its counts brought up to date) and its audit entry (who, which file, the counts), in the caller's transaction. */
export async function recordImport(manager: EntityManager, record: ImportRecord): Promise<void> {
  const row = importRow(record);
  await manager.createQueryBuilder().insert().into(Import).values(row).orUpdate(['imported', 'replaced', 'rejectedCount', 'outcome'], ['id']).execute();
  const { fileName, format, imported, replaced, rejectedCount, partial, outcome } = row;
  await appendAudit(manager, {
    actor: record.request.actor,
    action: `import.${record.kind}`,
    entity: 'Import',
    entityId: record.id,
    after: { fileName, format, imported, replaced, rejectedCount, partial, outcome },
  });
}

/**
 * The frame every import runs in: one transaction on one connection, staging in a temporary
 * table, then `store` (the upsert) or nothing at all. With bad rows and no `partial`, or a file
 * that could not be read on, it rolls back and records the refused attempt on its own; a dry
 * run rolls back after `preview` has counted what would happen.
 */
export async function runImport(
  db: DataSource,
  setup: { kind: ImportKind; format: string; request: ImportRequest },
  work: {
    read(tx: QueryRunner, rejections: Rejections): Promise<void>;
    /** Upserts the staged rows under this import's id; answers new and replaced keys. */
    store(tx: QueryRunner, importId: string): Promise<{ imported: number; replaced: number }>;
    /** What `store` would do, without doing it. */
    preview(tx: QueryRunner): Promise<{ imported: number; replaced: number; rows: number }>;
    /** The first good rows as they would be stored, for a dry run. */
    previewRows: Record<string, unknown>[];
  },
): Promise<ImportResult> {
  const { kind, format, request } = setup;
  const rejections = new Rejections(request.partial === true);
  const answer = (imported: number, replaced: number): ImportAnswer => ({ imported, replaced, rejected: rejections.listed, rejectedCount: rejections.count });
  const importId = randomUUID();
  const tx = db.createQueryRunner();
  await tx.connect();
  try {
    await tx.startTransaction();
    await work.read(tx, rejections);
    const refused = rejections.refusing;

    if (request.dryRun) {
      // Refused: nothing would be stored, but the first good rows are still worth showing.
      const counts = refused ? { imported: 0, replaced: 0, rows: 0 } : await work.preview(tx);
      await tx.rollbackTransaction();
      return { outcome: 'preview', answer: { ...answer(counts.imported, counts.replaced), dryRun: true, rows: counts.rows, preview: work.previewRows } };
    }
    if (refused) {
      await tx.rollbackTransaction();
      await db.transaction((manager) =>
        recordImport(manager, { id: importId, kind, format, request, imported: 0, replaced: 0, rejectedCount: rejections.count, outcome: ImportOutcome.Refused }),
      );
      return { outcome: ImportOutcome.Refused, importId, answer: answer(0, 0), unreadable: rejections.fatal };
    }

    const outcome = rejections.count > 0 ? ImportOutcome.PartiallyStored : ImportOutcome.Stored;
    // The rows point at their import: its row comes first, its counts (and the audit entry) once they are known.
    const record = { id: importId, kind, format, request, imported: 0, replaced: 0, rejectedCount: rejections.count, outcome };
    await tx.manager.insert(Import, importRow(record));
    const { imported, replaced } = await work.store(tx, importId);
    await recordImport(tx.manager, { ...record, imported, replaced });
    await tx.commitTransaction();
    return { outcome, importId, answer: answer(imported, replaced) };
  } catch (error) {
    if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await tx.release();
  }
}
