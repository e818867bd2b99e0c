import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import {
  CREATOR_SALES_HEADER,
  readCreatorSale,
  referenceKey,
  type CreatorSaleRow,
  type CreatorSalesColumn,
} from '../../../libs/domain/rules/creator-sales';
import { CANONICAL_FORMAT, ImportKind, isBlankRow, mapHeader, type CellProblem, type ColumnPositions } from '../../../libs/domain/rules/import-rows';
import { readCurrency } from '../../../libs/domain/rules/minor-units';
import { Platform } from '../../../libs/domain/rules/statuses';
import { CreatorDayTotals, mapTikTokHeader, readTikTokLine, TIKTOK_SHOP_AFFILIATE_ORDERS, type TikTokHeader } from '../../../libs/domain/rules/tiktok-shop';
import { UsersService } from '../users/users.service';
import { csvRecords, CsvSyntaxError, type CsvRecord } from './csv-records';
import { BrandLookup, CreatorLookup, importerOf } from './import-references';
import { PREVIEW_ROWS, Rejections, runImport, StagingTable, type ImportRequest, type ImportResult } from './import-session';

export const CREATOR_SALES_FORMATS = [CANONICAL_FORMAT, TIKTOK_SHOP_AFFILIATE_ORDERS] as const;
export type CreatorSalesFormat = (typeof CREATOR_SALES_FORMATS)[number];

export interface CreatorSalesRequest extends ImportRequest {
  format?: CreatorSalesFormat;
  /** A saved mapping's brand (the shop the export came from): name or id. */
  brand?: string;
  /** A saved mapping's currency for exports without a Currency column. */
  currency?: string;
}

/** A row ready for the table: the creator and brand resolved, and the line it came from (the later line of a key wins). */
interface StagedSale {
  line: number;
  creatorId: string;
  date: string;
  brandId: string | null;
  platform: string | null;
  orders: number;
  gmvMinor: number;
  returnsMinor: number;
  cancellationsMinor: number;
  currency: string;
  status: string;
}

const STAGING = 'import_creator_sales';
const STAGING_DEFINITION = `"line" integer NOT NULL, "creatorId" uuid NOT NULL, "date" date NOT NULL, "brandId" uuid, "platform" varchar(20),
  "orders" integer NOT NULL, "gmvMinor" bigint NOT NULL, "returnsMinor" bigint NOT NULL, "cancellationsMinor" bigint NOT NULL,
  "currency" char(3) NOT NULL, "status" varchar(10) NOT NULL`;
const STAGING_COLUMNS = [
  ['line', 'integer[]'],
  ['creatorId', 'uuid[]'],
  ['date', 'date[]'],
  ['brandId', 'uuid[]'],
  ['platform', 'varchar[]'],
  ['orders', 'integer[]'],
  ['gmvMinor', 'bigint[]'],
  ['returnsMinor', 'bigint[]'],
  ['cancellationsMinor', 'bigint[]'],
  ['currency', 'char(3)[]'],
  ['status', 'varchar[]'],
] as const;
const stagedValues = (sale: StagedSale) => STAGING_COLUMNS.map(([name]) => sale[name]);

/** One row per key: the file's last line for it ("the later row wins and counts once"). */
const LATEST_PER_KEY = `SELECT DISTINCT ON ("creatorId", "date", "brandId", "platform") * FROM "${STAGING}" ORDER BY "creatorId", "date", "brandId", "platform", "line" DESC`;

/**
 * Creator sales in (docs/imports.md#creator-sales): the canonical CSV, or an export read through
 * a saved mapping (TikTok Shop affiliate orders). Streamed, checked row by row, all-or-nothing
 * unless `partial`, idempotent by key (creator, date, brand, platform). Callable with any
 * Readable, so the panel's upload reuses it.
 */
@Injectable()
export class CreatorSalesImport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async run(input: Readable, request: CreatorSalesRequest): Promise<ImportResult> {
    const format = request.format ?? CANONICAL_FORMAT;
    const importer = await importerOf(request.actor, this.users);
    const mapping = format === TIKTOK_SHOP_AFFILIATE_ORDERS ? this.mappingOptions(request) : null;
    if (!mapping && (request.brand !== undefined || request.currency !== undefined)) {
      throw new BadRequestException(`brand and currency apply to a saved mapping (format=${TIKTOK_SHOP_AFFILIATE_ORDERS}); the canonical format has them in its columns`);
    }
    if (mapping?.brand) {
      // The export has no brand column: a brand that does not exist is the request's mistake, not a line's.
      const brand = await new BrandLookup(this.db).resolve(mapping.brand);
      if (!brand.ok) throw new BadRequestException(`brand: ${brand.problem}`);
    }
    const maxBytes = request.maxBytes ?? this.config.imports.maxBytes;
    const preview: Record<string, unknown>[] = [];

    return runImport(this.db, { kind: ImportKind.CreatorSales, format, request }, {
      read: async (tx, rejections) => {
        const staging = new StagingTable<StagedSale>(tx, STAGING, STAGING_COLUMNS, stagedValues, () => rejections.refusing);
        await staging.create(STAGING_DEFINITION);
        const creators = new CreatorLookup(tx, importer);
        const brands = new BrandLookup(tx);
        const records = csvRecords(input, maxBytes);
        try {
          if (mapping) await this.readExport(records, { creators, brands, staging, rejections, preview, mapping });
          else await this.readCanonical(records, { creators, brands, staging, rejections, preview });
        } catch (error) {
          if (!(error instanceof CsvSyntaxError)) throw error;
          rejections.fatal = true;
          rejections.add(error.line, [{ column: null, message: `the file is not valid CSV from here on: ${error.message}` }]);
        }
        await staging.flush();
      },
      store: async (tx, importId) => {
        const [counts]: Array<{ imported: number; replaced: number }> = await tx.query(
          `WITH upserted AS (
             INSERT INTO "creator_sales" ("creatorId", "date", "brandId", "platform", "orders", "gmvMinor", "returnsMinor", "cancellationsMinor", "currency", "status", "importId")
             SELECT "creatorId", "date", "brandId", "platform", "orders", "gmvMinor", "returnsMinor", "cancellationsMinor", "currency", "status", $1 FROM (${LATEST_PER_KEY}) latest
             ON CONFLICT ("creatorId", "date", "brandId", "platform") DO UPDATE SET
               "orders" = excluded."orders", "gmvMinor" = excluded."gmvMinor", "returnsMinor" = excluded."returnsMinor",
               "cancellationsMinor" = excluded."cancellationsMinor", "currency" = excluded."currency", "status" = excluded."status",
               "importId" = excluded."importId", "updatedAt" = now()
             RETURNING (xmax = 0) AS "inserted"
           )
           SELECT count(*) FILTER (WHERE "inserted")::int AS "imported", count(*) FILTER (WHERE NOT "inserted")::int AS "replaced" FROM upserted`,
          [importId],
        );
        return counts;
      },
      preview: async (tx) => {
        const [counts]: Array<{ imported: number; replaced: number; rows: number }> = await tx.query(
          `SELECT count(*) FILTER (WHERE existing."id" IS NULL)::int AS "imported", count(existing."id")::int AS "replaced",
                  (SELECT count(*)::int FROM "${STAGING}") AS "rows"
             FROM (${LATEST_PER_KEY}) latest
             LEFT JOIN "creator_sales" existing ON existing."creatorId" = latest."creatorId" AND existing."date" = latest."date"
              AND existing."brandId" IS NOT DISTINCT FROM latest."brandId" AND existing."platform" IS NOT DISTINCT FROM latest."platform"`,
        );
        return counts;
      },
      previewRows: preview,
    });
  }

  private mappingOptions(request: CreatorSalesRequest): { brand: string | null; currency?: string } {
    let currency: string | undefined;
    if (request.currency !== undefined) {
      const read = readCurrency(request.currency);
      if (!read.ok) throw new BadRequestException(`currency: ${read.problem}`);
      currency = read.currency;
    }
    return { brand: request.brand?.trim() || null, currency };
  }

  private async readCanonical(records: AsyncIterable<CsvRecord>, context: ReadContext): Promise<void> {
    const { rejections } = context;
    let header: { columns: ColumnPositions<CreatorSalesColumn>; width: number } | null = null;
    for await (const { line, cells } of records) {
      if (!header) {
        const mapped = mapHeader(cells, CREATOR_SALES_HEADER);
        if (mapped.problems.length > 0) {
          const looksLikeExport = mapTikTokHeader(cells).problems.length === 0;
          const hint = { column: null, message: `this looks like a TikTok Shop affiliate orders export: send it with ?format=${TIKTOK_SHOP_AFFILIATE_ORDERS}` };
          return refuseHeader(rejections, line, looksLikeExport ? [...mapped.problems, hint] : mapped.problems);
        }
        header = { columns: mapped.columns, width: cells.length };
        continue;
      }
      if (isBlankRow(cells)) continue;
      if (cells.length !== header.width) {
        rejections.add(line, [{ column: null, message: `the row has ${cells.length} fields; the header has ${header.width}` }]);
        continue;
      }
      const { sale, problems } = readCreatorSale(cells, header.columns);
      if (!sale) {
        rejections.add(line, problems);
        continue;
      }
      const written = cells[header.columns.creator!].trim();
      await stageSale(sale, written, line, context);
    }
    if (!header) refuseHeader(rejections, 1, [{ column: null, message: 'the file is empty: it needs a header row' }]);
  }

  /**
   * A TikTok Shop affiliate orders export: each line read and its creator resolved as it
   * comes (a bad line is reported with its own number), summed per creator and day, and the
   * day rows staged at the end.
   */
  private async readExport(records: AsyncIterable<CsvRecord>, context: ReadContext & { mapping: { brand: string | null; currency?: string } }): Promise<void> {
    const { rejections, creators, mapping } = context;
    let header: { map: TikTokHeader; width: number } | null = null;
    const totals = new CreatorDayTotals(mapping.brand);
    for await (const { line, cells } of records) {
      if (!header) {
        const mapped = mapTikTokHeader(cells);
        if (mapped.problems.length > 0) return refuseHeader(rejections, line, mapped.problems);
        header = { map: mapped.header, width: cells.length };
        continue;
      }
      if (isBlankRow(cells)) continue;
      const reading = readTikTokLine(cells, header.map, { defaultCurrency: mapping.currency });
      if (reading.skip) continue;
      if (!reading.line) {
        rejections.add(line, reading.problems);
        continue;
      }
      const creator = await creators.resolve({ platform: Platform.TikTok, handle: reading.line.creatorHandle }, `tiktok:${reading.line.creatorHandle}`);
      if (!creator.ok) {
        rejections.add(line, [{ column: header.map.names.creatorUsername ?? 'Creator Username', message: creator.problem }]);
        continue;
      }
      const clash = totals.add(creator.id, reading.line, line, header.map.names.currency);
      if (clash) rejections.add(line, [clash]);
    }
    if (!header) return refuseHeader(rejections, 1, [{ column: null, message: 'the file is empty: it needs the export header row' }]);
    for (const day of totals.rows()) {
      await stageSale(day, `tiktok:${day.creator.handle}`, day.firstLine, context, day.key);
    }
  }
}

interface ReadContext {
  creators: CreatorLookup;
  brands: BrandLookup;
  staging: StagingTable<StagedSale>;
  rejections: Rejections;
  preview: Record<string, unknown>[];
}

function refuseHeader(rejections: Rejections, line: number, problems: CellProblem[]): void {
  rejections.fatal = true;
  rejections.add(line, [...problems, { column: null, message: 'nothing was read' }]);
}

/** Resolves a checked row's creator (unless already resolved) and brand, then stages it or rejects its line. */
async function stageSale(sale: CreatorSaleRow, writtenCreator: string, line: number, context: ReadContext, creatorId?: string): Promise<void> {
  const problems: CellProblem[] = [];
  const creator = creatorId ? { ok: true as const, id: creatorId } : await context.creators.resolve(sale.creator, writtenCreator);
  if (!creator.ok) problems.push({ column: 'creator', message: creator.problem });
  const brand = sale.brand === null ? null : await context.brands.resolve(sale.brand);
  if (brand && !brand.ok) problems.push({ column: 'brand', message: brand.problem });
  if (!creator.ok || (brand && !brand.ok)) {
    context.rejections.add(line, problems);
    return;
  }
  const staged: StagedSale = {
    line,
    creatorId: creator.id,
    date: sale.date,
    brandId: brand?.ok ? brand.id : null,
    platform: sale.creator.platform,
    orders: sale.orders,
    gmvMinor: sale.gmvMinor,
    returnsMinor: sale.returnsMinor,
    cancellationsMinor: sale.cancellationsMinor,
    currency: sale.currency,
    status: sale.status,
  };
  await context.staging.add(staged);
  if (context.preview.length < PREVIEW_ROWS) {
    const { line: _line, ...row } = staged;
    context.preview.push({ line, creator: referenceKey(sale.creator), brand: sale.brand, ...row });
  }
}

