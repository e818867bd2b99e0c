import { BACK_OFFICE_ROUTE, requestIdFor, routeLabel, UNMATCHED_ROUTE } from '../../apps/api/metrics/request-labels';

describe('the route label of a request', () => {
  it('is the matched route template, never the URL with its ids', () => {
    expect(routeLabel('/collaborations/0b6c3c52-47b1-4a52-9a43-7f0f7f2f6a10?live=true', '', '/collaborations/:id')).toBe('/collaborations/:id');
    expect(routeLabel('/health', '', '/health')).toBe('/health');
    expect(routeLabel('/v/x', '/v', '/:thing')).toBe('/v/:thing');
  });

  it('is one fixed label for a request no route matched, and one for the whole back office', () => {
    expect(routeLabel('/no-such/0b6c3c52-47b1-4a52-9a43-7f0f7f2f6a10', '', undefined)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('/admin/resources/Creator/records/42/show', '/admin', '/resources/:resourceId/records/:recordId/show')).toBe(BACK_OFFICE_ROUTE);
    expect(routeLabel('/admin', '', undefined)).toBe(BACK_OFFICE_ROUTE);
    expect(routeLabel('/administrators', '', undefined)).toBe(UNMATCHED_ROUTE);
  });
});

describe('the request id', () => {
  const generate = () => 'generated';

  it("keeps the caller's id when it is up to 128 safe characters", () => {
    expect(requestIdFor('edge-7f3a.42:retry_1', generate)).toBe('edge-7f3a.42:retry_1');
    expect(requestIdFor('a'.repeat(128), generate)).toBe('a'.repeat(128));
    expect(requestIdFor(['first', 'second'], generate)).toBe('first');
  });

  it('generates one when there is none, or it is too long, empty, or carries unsafe characters', () => {
    for (const incoming of [undefined, '', 'a'.repeat(129), 'a b', 'id\r\nX-Evil: 1', '<script>', 'ä']) {
      expect({ incoming, id: requestIdFor(incoming, generate) }).toEqual({ incoming, id: 'generated' });
    }
  });
});
