import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { CANONICAL_FORMAT, ImportKind, isBlankRow, mapHeader, type CellProblem, type ColumnPositions } from '../../../libs/domain/rules/import-rows';
import { SnapshotLabel, SnapshotSource } from '../../../libs/domain/rules/lifecycle';
import { POST_PERFORMANCE_HEADER, readPostPerformance, type PostPerformanceColumn, type PostPerformanceRow } from '../../../libs/domain/rules/post-performance';
import { UsersService } from '../users/users.service';
import { csvRecords, CsvSyntaxError } from './csv-records';
import { DeliverableLookup, importerOf } from './import-references';
import { PREVIEW_ROWS, runImport, StagingTable, type ImportRequest, type ImportResult } from './import-session';

interface StagedReading extends Omit<PostPerformanceRow, 'postUrl' | 'deliverableId'> {
  line: number;
  deliverableId: string;
}

const STAGING = 'import_post_performance';
const STAGING_DEFINITION = `"line" integer NOT NULL, "deliverableId" uuid NOT NULL, "capturedAt" timestamptz NOT NULL,
  "reach" integer, "views" integer, "likes" integer, "comments" integer, "shares" integer, "saves" integer, "clicks" integer, "orders" integer,
  "gmvMinor" bigint, "returnsMinor" bigint, "cancellationsMinor" bigint, "nmvMinor" bigint, "currency" char(3)`;
const STAGING_COLUMNS = [
  ['line', 'integer[]'],
  ['deliverableId', 'uuid[]'],
  ['capturedAt', 'timestamptz[]'],
  ['reach', 'integer[]'],
  ['views', 'integer[]'],
  ['likes', 'integer[]'],
  ['comments', 'integer[]'],
  ['shares', 'integer[]'],
  ['saves', 'integer[]'],
  ['clicks', 'integer[]'],
  ['orders', 'integer[]'],
  ['gmvMinor', 'bigint[]'],
  ['returnsMinor', 'bigint[]'],
  ['cancellationsMinor', 'bigint[]'],
  ['nmvMinor', 'bigint[]'],
  ['currency', 'char(3)[]'],
] as const;
const FIGURES = ['reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders', 'gmvMinor', 'returnsMinor', 'cancellationsMinor', 'nmvMinor', 'currency'];
const stagedValues = (reading: StagedReading) => STAGING_COLUMNS.map(([name]) => (name === 'capturedAt' ? reading.capturedAt.toISOString() : reading[name]));

/** One row per key (deliverable, reading time): the file's last line for it. */
const LATEST_PER_KEY = `SELECT DISTINCT ON ("deliverableId", "capturedAt") * FROM "${STAGING}" ORDER BY "deliverableId", "capturedAt", "line" DESC`;

/**
 * Post performance in (docs/imports.md#post-performance): readings of a post at a moment,
 * stored as `imported` performance snapshots, one per (deliverable, captured_at), replaced on
 * re-import. The MEASURING captures take the reading nearest to their moment from these and
 * the manual ones.
 */
@Injectable()
export class PostPerformanceImport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async run(input: Readable, request: ImportRequest): Promise<ImportResult> {
    const importer = await importerOf(request.actor, this.users);
    const maxBytes = request.maxBytes ?? this.config.imports.maxBytes;
    const preview: Record<string, unknown>[] = [];

    return runImport(this.db, { kind: ImportKind.PostPerformance, format: CANONICAL_FORMAT, request }, {
      read: async (tx, rejections) => {
        const staging = new StagingTable<StagedReading>(tx, STAGING, STAGING_COLUMNS, stagedValues, () => rejections.refusing);
        await staging.create(STAGING_DEFINITION);
        const posts = new DeliverableLookup(tx, importer);
        let header: { columns: ColumnPositions<PostPerformanceColumn>; width: number } | null = null;
        const refuse = (line: number, problems: CellProblem[]) => {
          rejections.fatal = true;
          rejections.add(line, problems);
        };
        try {
          for await (const { line, cells } of csvRecords(input, maxBytes)) {
            if (!header) {
              const mapped = mapHeader(cells, POST_PERFORMANCE_HEADER);
              if (mapped.problems.length > 0) {
                refuse(line, [...mapped.problems, { column: null, message: 'nothing was read' }]);
                break;
              }
              header = { columns: mapped.columns, width: cells.length };
              continue;
            }
            if (isBlankRow(cells)) continue;
            if (cells.length !== header.width) {
              rejections.add(line, [{ column: null, message: `the row has ${cells.length} fields; the header has ${header.width}` }]);
              continue;
            }
            const { row, problems } = readPostPerformance(cells, header.columns);
            if (!row) {
              rejections.add(line, problems);
              continue;
            }
            const post = await this.identify(row, posts);
            if (!post.ok) {
              rejections.add(line, [post.problem]);
              continue;
            }
            const { postUrl, deliverableId: _named, ...figures } = row;
            const staged: StagedReading = { line, deliverableId: post.id, ...figures };
            await staging.add(staged);
            if (preview.length < PREVIEW_ROWS) preview.push({ line, postUrl, ...figures, deliverableId: post.id, capturedAt: row.capturedAt.toISOString() });
          }
          if (!header && !rejections.fatal) refuse(1, [{ column: null, message: 'the file is empty: it needs a header row' }]);
        } catch (error) {
          if (!(error instanceof CsvSyntaxError)) throw error;
          refuse(error.line, [{ column: null, message: `the file is not valid CSV from here on: ${error.message}` }]);
        }
        await staging.flush();
      },
      store: async (tx, importId) => {
        const [counts]: Array<{ imported: number; replaced: number }> = await tx.query(
          `WITH upserted AS (
             INSERT INTO "performance_snapshots" ("deliverableId", "capturedAt", "label", "source", ${FIGURES.map((name) => `"${name}"`).join(', ')}, "importId")
             SELECT "deliverableId", "capturedAt", $2, $3, ${FIGURES.map((name) => `"${name}"`).join(', ')}, $1 FROM (${LATEST_PER_KEY}) latest
             ON CONFLICT ("deliverableId", "capturedAt") WHERE "label" = 'imported' DO UPDATE SET
               ${FIGURES.map((name) => `"${name}" = excluded."${name}"`).join(', ')}, "importId" = excluded."importId"
             RETURNING (xmax = 0) AS "inserted"
           )
           SELECT count(*) FILTER (WHERE "inserted")::int AS "imported", count(*) FILTER (WHERE NOT "inserted")::int AS "replaced" FROM upserted`,
          [importId, SnapshotLabel.Imported, SnapshotSource.Import],
        );
        return counts;
      },
      preview: async (tx) => {
        const [counts]: Array<{ imported: number; replaced: number; rows: number }> = await tx.query(
          `SELECT count(*) FILTER (WHERE existing."id" IS NULL)::int AS "imported", count(existing."id")::int AS "replaced",
                  (SELECT count(*)::int FROM "${STAGING}") AS "rows"
             FROM (${LATEST_PER_KEY}) latest
             LEFT JOIN "performance_snapshots" existing ON existing."deliverableId" = latest."deliverableId"
              AND existing."capturedAt" = latest."capturedAt" AND existing."label" = $1`,
          [SnapshotLabel.Imported],
        );
        return counts;
      },
      previewRows: preview,
    });
  }

  /** The deliverable a row names: by id, or by its live URL; both given must be the same post. */
  private async identify(row: PostPerformanceRow, posts: DeliverableLookup): Promise<{ ok: true; id: string } | { ok: false; problem: CellProblem }> {
    const byId = row.deliverableId ? await posts.byId(row.deliverableId) : null;
    if (byId && !byId.ok) return { ok: false, problem: { column: 'deliverable_id', message: byId.problem } };
    const byUrl = row.postUrl ? await posts.byUrl(row.postUrl) : null;
    if (byUrl && !byUrl.ok && !byId) return { ok: false, problem: { column: 'post_url', message: byUrl.problem } };
    if (byId?.ok && byUrl && (!byUrl.ok || byUrl.id !== byId.id)) {
      return { ok: false, problem: { column: 'post_url', message: `${row.postUrl} is not the live URL of deliverable ${row.deliverableId}` } };
    }
    const found = byId ?? byUrl;
    return found?.ok ? { ok: true, id: found.id } : { ok: false, problem: { column: 'post_url', message: 'the row names no post' } };
  }
}
