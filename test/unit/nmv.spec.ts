import { netMerchandiseValue } from '../../libs/domain/rules/nmv';

describe('net merchandise value', () => {
  it('is GMV less returns and cancellations', () => {
    expect(netMerchandiseValue({ gmvMinor: 150_000, returnsMinor: 20_000, cancellationsMinor: 5_000 })).toBe(125_000);
  });

  it('counts a missing return or cancellation amount as none', () => {
    expect(netMerchandiseValue({ gmvMinor: 1_000, returnsMinor: null })).toBe(1_000);
  });

  it('is unknown without GMV rather than zero', () => {
    expect(netMerchandiseValue({ gmvMinor: null, returnsMinor: 100 })).toBeNull();
  });
});
