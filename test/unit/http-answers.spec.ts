import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { httpAnswerFor, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../apps/api/common/http-answers.filter';

const refused = (code: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), { code }));

describe('the answer for a failure', () => {
  it('keeps an HttpException as thrown, a request fault', () => {
    expect(httpAnswerFor(new BadRequestException('endsOn has passed'))).toEqual({
      status: 400, body: { statusCode: 400, message: 'endsOn has passed', error: 'Bad Request' }, headers: undefined, ours: false,
    });
  });

  it('adds Retry-After to a 503', () => {
    expect(httpAnswerFor(new ServiceUnavailableException('busy'))).toMatchObject({ status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }, ours: false });
  });

  it.each([
    ['22003', 400, 'A number is outside the range its field holds'],
    ['22001', 400, 'A text value is longer than its field allows'],
    ['22P02', 400, 'A value is not of the type its field takes'],
    ['22021', 400, 'A text value holds a character that cannot be stored (a NUL byte)'],
    ['23502', 400, 'A required value is missing'],
    ['23503', 422, 'The request refers to a record that does not exist'],
    ['23505', 409, 'A record with the same unique values exists already'],
    ['23514', 422, 'A value breaks a rule of its record'],
  ])('maps the database refusal %s to %i', (code, status, message) => {
    expect(httpAnswerFor(refused(code))).toEqual({ status, body: { statusCode: status, message }, ours: false });
  });

  it('answers 503 with Retry-After while PostgreSQL is unreachable, whatever the layer says it', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      refused('57P01'),
      refused('08006'),
      new Error('Connection terminated unexpectedly'),
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated due to connection timeout')),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(httpAnswerFor(error)).toMatchObject({ status: 503, headers: { 'Retry-After': '5' }, ours: false });
    }
  });

  it("keeps body-parser's own 4xx and hides what it does not expose", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, expose: true, type: 'entity.too.large' });
    expect(httpAnswerFor(tooLarge)).toEqual({ status: 413, body: { statusCode: 413, message: 'request entity too large' }, ours: false });
    const hidden = Object.assign(new Error('internal detail'), { status: 400, expose: false });
    expect(httpAnswerFor(hidden).body).toEqual({ statusCode: 400, message: 'The request was refused' });
  });

  it('answers anything else as our fault, without its message', () => {
    expect(httpAnswerFor(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual({
      status: 500, body: { statusCode: 500, message: 'Something went wrong on our side; it has been logged' }, ours: true,
    });
    expect(httpAnswerFor(refused('42P01'))).toMatchObject({ status: 500, ours: true });
  });
});
