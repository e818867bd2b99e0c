import { BadRequestException, Controller, HttpCode, Inject, PayloadTooLargeException, Post, Query, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBasicAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import * as path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { ImportOutcome } from '../../../libs/domain/rules/import-rows';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { integer, json, list, nullable, object, record, text } from '../common/answer-schemas';
import { CreatorSalesImport } from './creator-sales.import';
import { drained, ImportTooLargeError, UploadInterruptedError } from './csv-records';
import { CreatorSalesQueryDto, ImportQueryDto } from './import-query.dto';
import type { ImportAnswer, ImportRequest, ImportResult } from './import-session';
import { PostPerformanceImport } from './post-performance.import';

const CSV_BODY = { schema: { type: 'string', format: 'binary', description: 'The CSV file, header row first, UTF-8' } };
const IMPORT_ANSWER = object({
  imported: integer('Keys that were new'),
  replaced: integer('Keys that existed and were overwritten'),
  rejected: list(object({ line: integer('Line 1 is the header'), column: nullable(text()), message: text() }), 'The first 1,000 bad rows'),
  rejectedCount: integer('Every bad row'),
}, {
  dryRun: { type: 'boolean', enum: [true], description: 'With ?dryRun=true: nothing was stored' },
  rows: integer('With ?dryRun=true: the rows read'),
  preview: list(json('A row as it would be stored'), 'With ?dryRun=true: the first rows as they would be stored'),
});
/** A refused file: the error body, plus the rows that were bad when the rows were the problem. */
const IMPORT_REFUSAL = { allOf: [record('ErrorAnswer'), { ...IMPORT_ANSWER, required: undefined }] };
const ANSWER =
  '{ imported, replaced, rejected: [{ line, column, message }], rejectedCount }: imported = keys that were new, replaced = keys overwritten; ' +
  'the first 1,000 bad rows are listed (line 1 is the header), rejectedCount counts them all.';

/**
 * Performance data in, as CSV request bodies (docs/imports.md): the body is streamed straight
 * from the connection (the JSON body parser leaves text/csv alone), never held whole in memory.
 */
@ApiTags('imports')
@ApiBasicAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly creatorSales: CreatorSalesImport,
    private readonly postPerformance: PostPerformanceImport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('creator-sales')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiOperation({ summary: "Import creators' daily sales (canonical CSV, or a marketplace export with ?format=)", description: ANSWER })
  @ApiConsumes('text/csv')
  @ApiBody(CSV_BODY)
  @ApiOkResponse({ description: 'Stored (with ?partial=true: the good rows stored, the bad ones listed)', schema: IMPORT_ANSWER })
  @ApiBadRequestResponse({ description: 'Bad rows, nothing stored: the body lists them', schema: IMPORT_REFUSAL })
  async importCreatorSales(@Req() request: Request, @Query() query: CreatorSalesQueryDto, @CurrentActor() actor: Actor): Promise<ImportAnswer> {
    const options = await this.requestOf(request, query, actor);
    return this.answer(request, () => this.creatorSales.run(request, { ...options, format: query.format, brand: query.brand, currency: query.currency }));
  }

  @Post('post-performance')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiOperation({ summary: 'Import post performance readings (CSV): one row per post and reading time', description: ANSWER })
  @ApiConsumes('text/csv')
  @ApiBody(CSV_BODY)
  @ApiOkResponse({ description: 'Stored (with ?partial=true: the good rows stored, the bad ones listed)', schema: IMPORT_ANSWER })
  @ApiBadRequestResponse({ description: 'Bad rows, nothing stored: the body lists them', schema: IMPORT_REFUSAL })
  async importPostPerformance(@Req() request: Request, @Query() query: ImportQueryDto, @CurrentActor() actor: Actor): Promise<ImportAnswer> {
    const options = await this.requestOf(request, query, actor);
    return this.answer(request, () => this.postPerformance.run(request, options));
  }

  /**
   * Refuses what is not CSV (415) and a declared size over the limit (413) without parsing a
   * byte. Every answer waits until the upload has been read to its end (`drained`): a client
   * still sending would otherwise get a broken pipe instead of the answer.
   */
  private async requestOf(request: Request, query: ImportQueryDto, actor: Actor): Promise<ImportRequest> {
    const [mediaType, ...parameters] = (request.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
    if (mediaType !== 'text/csv') {
      await drained(request);
      throw new UnsupportedMediaTypeException(`Send the file as the request body with Content-Type: text/csv (got ${mediaType || 'none'})`);
    }
    const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
      await drained(request);
      throw new UnsupportedMediaTypeException(`Send the file as UTF-8 (got charset=${charset})`);
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.config.imports.maxBytes) {
      await drained(request);
      throw new PayloadTooLargeException(`The file is ${declared} bytes; an import takes at most ${this.config.imports.maxBytes}`);
    }
    return {
      actor,
      partial: query.partial === 'true',
      dryRun: query.dryRun === 'true',
      fileName: fileNameOf(query.filename, request.headers['content-disposition']),
    };
  }

  /** 200 with the counts; 400 with the bad rows when nothing was stored; 413 past the limit while streaming. */
  private async answer(request: Request, run: () => Promise<ImportResult>): Promise<ImportAnswer> {
    let result: ImportResult;
    try {
      result = await run();
    } catch (error) {
      await drained(request);
      if (error instanceof ImportTooLargeError) throw new PayloadTooLargeException(error.message);
      if (error instanceof UploadInterruptedError) throw new BadRequestException(error.message);
      throw error;
    }
    // A file refused at its header was not read on: what is left is read and dropped first.
    await drained(request);
    if (result.outcome === 'preview') return result.answer;
    if (result.outcome !== ImportOutcome.Refused) {
      const { imported, replaced, rejected, rejectedCount } = result.answer;
      return { imported, replaced, rejected, rejectedCount };
    }
    const { rejectedCount } = result.answer;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: result.unreadable
        ? 'The file could not be read (see rejected): nothing was stored'
        : `${rejectedCount} bad row${rejectedCount === 1 ? '' : 's'}: nothing was stored. Correct ${rejectedCount === 1 ? 'it' : 'them'} and import the file again, or add ?partial=true to store the good rows.`,
      ...result.answer,
    });
  }
}

/**
 * The file's name for the imports list: `?filename=`, else Content-Disposition's filename
 * (RFC 6266, `filename*=UTF-8''…` first); the base name only, without control characters.
 */
export function fileNameOf(query: string | undefined, disposition: string | undefined): string | null {
  let name = query;
  if (!name && disposition) {
    const extended = /filename\*\s*=\s*(?:utf-8|UTF-8)''([^;]+)/.exec(disposition);
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
    try {
      name = extended ? decodeURIComponent(extended[1].trim()) : (plain?.[2] ?? plain?.[1]?.trim());
    } catch {
      name = plain?.[2] ?? plain?.[1]?.trim();
    }
  }
  const clean = name ? path.posix.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255) : '';
  return clean || null;
}
