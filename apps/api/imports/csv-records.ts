import { CsvError, parse } from 'csv-parse';
import { Readable, Transform, type TransformCallback } from 'node:stream';

/** The file is larger than the limit (IMPORT_MAX_BYTES): nothing is stored, the answer is 413. */
export class ImportTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes, the most an import takes`);
    this.name = 'ImportTooLargeError';
  }
}

/** The file stops being CSV at `line` (an unclosed or stray quote): nothing after it can be trusted. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** The client stopped sending before the end of the file. */
export class UploadInterruptedError extends Error {
  constructor() {
    super('The upload was interrupted before the end of the file');
    this.name = 'UploadInterruptedError';
  }
}

export interface CsvRecord {
  /** The line of the file the record starts on; the header is line 1. */
  line: number;
  cells: string[];
}

/** One record may not exceed this (an unclosed quote would otherwise swallow the whole file into memory). */
const MAX_RECORD_CHARACTERS = 1_000_000;

/** Counts bytes as they pass and fails past the limit, so a body without Content-Length is refused too. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) done(new ImportTooLargeError(this.maxBytes));
    else done(null, chunk);
  }
}

/** Line breaks inside a record's cells (quoted multi-line fields): \r\n, \n or \r, each one line. */
function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) count += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
  return count;
}

/**
 * The records of a CSV upload, read as they arrive: memory holds one record and csv-parse's
 * buffer, whatever the file's size (the async iteration pulls a record only when the previous
 * one is handled, and the request is paused meanwhile). Records whose cells are all blank
 * (empty lines, the ",,,," rows spreadsheets leave) are not yielded.
 *
 * Line numbers are the file's, the header being line 1, so a record with a quoted multi-line
 * cell is reported where it starts. They are counted here rather than taken from csv-parse's
 * `info`: its `info.lines` counts a \r\n inside quotes as two lines, and `info: true` copies
 * the info object for every record, which in the API process multiplied the garbage of a
 * 300,000-row import by fifteen (docs/imports.md#limits-and-memory). Empty lines stay records
 * (no `skip_empty_lines`), so each record starts one line after the previous one ended, and
 * ends as many lines later as its cells hold line breaks.
 *
 * Stopping early (a header the import cannot read) leaves the rest of the request to be
 * drained, never destroys it: the answer still has to go out on the same connection.
 */
export async function* csvRecords(input: Readable, maxBytes: number): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  const limit = new ByteLimit(maxBytes);
  const fail = (error: Error) => parser.destroy(error);
  const interrupted = () => {
    if (!input.readableEnded) parser.destroy(new UploadInterruptedError());
  };
  input.on('error', fail);
  input.on('close', interrupted);
  limit.on('error', fail);
  input.pipe(limit).pipe(parser);

  let previousEnd = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const line = previousEnd + 1;
      previousEnd = line + lineBreaks(cells);
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield { line, cells };
    }
  } catch (error) {
    if (isCsvError(error)) throw new CsvSyntaxError(error.lines ?? previousEnd + 1, error.message);
    throw error;
  } finally {
    input.off('error', fail);
    input.off('close', interrupted);
    input.unpipe(limit);
    limit.unpipe(parser);
    // Whatever is left of the body is read and dropped, so the connection can carry the answer.
    if (!input.readableEnded && !input.destroyed) input.resume();
  }
}

/**
 * Resolves once the request body has been read to its end (or the client went away), reading
 * and dropping whatever is left. An answer sent while the client is still uploading would
 * reach it as a broken pipe; this is what Express's own body parser does before a 413.
 */
export function drained(input: Readable): Promise<void> {
  if (input.readableEnded || input.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => resolve();
    input.once('end', done);
    input.once('close', done);
    input.once('error', done);
    input.resume();
  });
}

/** Any of csv-parse's refusals: its codes are not all prefixed (INVALID_OPENING_QUOTE is not, CSV_QUOTE_NOT_CLOSED is). */
function isCsvError(error: unknown): error is CsvError & { lines?: number } {
  return error instanceof CsvError;
}
