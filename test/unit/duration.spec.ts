import { formatDuration, parseDuration } from '../../libs/domain/rules/duration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['48h', 172_800_000],
    ['5d', 432_000_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1500', 1_500],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '10 minutes', '5x', '0s', '-5s', '1h junk'])('refuses %j with the accepted forms', (text) => {
    expect(() => parseDuration(text)).toThrow(/duration/);
  });

  it('round-trips through formatDuration', () => {
    expect(formatDuration(parseDuration('48h'))).toBe('2d');
    expect(formatDuration(parseDuration('36h'))).toBe('36h');
    expect(formatDuration(parseDuration('90s'))).toBe('90s');
  });
});
