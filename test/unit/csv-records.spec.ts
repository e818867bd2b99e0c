import { Readable } from 'node:stream';
import { csvRecords, CsvSyntaxError, ImportTooLargeError } from '../../apps/api/imports/csv-records';
import { fileNameOf } from '../../apps/api/imports/imports.controller';
import { MAX_LISTED_REJECTIONS, Rejections } from '../../apps/api/imports/import-session';

async function read(chunks: string[], maxBytes = 1_000_000) {
  const records: Array<[number, string[]]> = [];
  for await (const { line, cells } of csvRecords(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), maxBytes)) records.push([line, cells]);
  return records;
}

describe('CSV records of an upload', () => {
  it('number records by the line they start on, across empty lines and quoted line breaks (LF or CRLF)', async () => {
    const lf = ['a,b', '1,2', '', '"multi', 'line",3', '4,5'].join('\n');
    expect(await read([lf])).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [4, ['multi\nline', '3']], [6, ['4', '5']]]);
    // csv-parse's own info.lines counts a CRLF inside quotes twice: the count here does not.
    const crlf = ['\ufeffa,b', '1,2', '', '', '"x\r\ny\r\nz",3', '4,5', ''].join('\r\n');
    expect(await read([crlf])).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [5, ['x\r\ny\r\nz', '3']], [8, ['4', '5']]]);
  });

  it('reads records split across chunks', async () => {
    expect(await read(['date,cre', 'ator\n2026-09-01,"as', 'ha"\n'])).toEqual([[1, ['date', 'creator']], [2, ['2026-09-01', 'asha']]]);
  });

  it('fails past the byte limit, counting what arrives', async () => {
    await expect(read(['a,b\n', '1,2\n', '3,4\n'], 10)).rejects.toBeInstanceOf(ImportTooLargeError);
    expect(await read(['a,b\n', '1,2\n'], 8)).toHaveLength(2);
  });

  it('says where the file stops being CSV', async () => {
    const error = await read(['a,b\n1,2\n3,"x"y\n']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3 });
    // csv-parse names some refusals without its CSV_ prefix (INVALID_OPENING_QUOTE): they count too.
    const strayQuote = await read(['a,b\n', ',pU"A{u,x\n']).catch((e: unknown) => e);
    expect(strayQuote).toBeInstanceOf(CsvSyntaxError);
    expect(strayQuote).toMatchObject({ line: 2 });
  });
});

describe('rejections', () => {
  it('keeps the first 1,000 bad rows and counts them all, one entry per row', () => {
    const rejections = new Rejections();
    for (let line = 2; line < 2 + 2_500; line += 1) rejections.add(line, [{ column: 'gmv', message: 'bad' }]);
    rejections.add(3_000, [{ column: 'date', message: 'not a date' }, { column: null, message: 'no numbers' }]);
    expect(rejections.count).toBe(2_501);
    expect(rejections.listed).toHaveLength(MAX_LISTED_REJECTIONS);
    const several = new Rejections();
    several.add(7, [{ column: 'date', message: 'not a date' }, { column: null, message: 'no numbers' }]);
    expect(several.listed).toEqual([{ line: 7, column: 'date', message: 'date: not a date; no numbers' }]);
  });
});

describe('the file name of an import', () => {
  it('comes from ?filename= or Content-Disposition, base name only, without control characters', () => {
    expect(fileNameOf('sales.csv', 'attachment; filename="other.csv"')).toBe('sales.csv');
    expect(fileNameOf(undefined, 'attachment; filename="C:\\\\exports\\\\week 36.csv"')).toBe('week 36.csv');
    expect(fileNameOf(undefined, "attachment; filename*=UTF-8''ventes%20%C3%A9t%C3%A9.csv; filename=\"ventes.csv\"")).toBe('ventes été.csv');
    expect(fileNameOf(undefined, 'attachment; filename=../../etc/passwd')).toBe('passwd');
    expect(fileNameOf('a\u0000b\nc.csv', undefined)).toBe('abc.csv');
    expect(fileNameOf(undefined, undefined)).toBeNull();
  });
});
