import { SnapshotLabel } from '../../libs/domain/rules/lifecycle';
import { nearestReading, readingsAfter } from '../../libs/domain/rules/measuring';

const at = (iso: string) => new Date(iso);
const reading = (iso: string, views: number) => ({ capturedAt: at(iso), views });

describe('which reading a MEASURING capture takes', () => {
  const live = at('2026-09-01T10:00:00Z');
  const oneDay = at('2026-09-02T10:00:00Z');
  const readings = [reading('2026-09-01T09:00:00Z', 1), reading('2026-09-01T20:00:00Z', 2), reading('2026-09-02T08:00:00Z', 3), reading('2026-09-02T13:00:00Z', 4)];

  it('is the one nearest to the moment, before or after it, among those after the post went live', () => {
    expect(nearestReading(readings, oneDay, live)?.views).toBe(3);
    expect(nearestReading(readings, at('2026-09-02T12:00:00Z'), live)?.views).toBe(4);
  });

  it('ignores readings from before the previous moment, and takes the earlier of two equally near', () => {
    expect(nearestReading(readings, at('2026-09-01T09:30:00Z'), live)?.views).toBe(2);
    expect(nearestReading([reading('2026-09-02T09:00:00Z', 5), reading('2026-09-02T11:00:00Z', 6)], oneDay, live)?.views).toBe(5);
  });

  it('is nothing when nothing arrived after the previous moment', () => {
    expect(nearestReading(readings, at('2026-09-08T10:00:00Z'), at('2026-09-02T13:00:00Z'))).toBeNull();
    expect(nearestReading([], oneDay, null)).toBeNull();
  });

  it('counts +1d from the post going live and +7d from the +1d capture, or the reading it took when that was later', () => {
    expect(readingsAfter(SnapshotLabel.OneDay, live, null)).toEqual(live);
    expect(readingsAfter(SnapshotLabel.SevenDays, live, { capturedAt: oneDay, measuredAt: at('2026-09-02T08:00:00Z') })).toEqual(oneDay);
    expect(readingsAfter(SnapshotLabel.SevenDays, live, { capturedAt: oneDay, measuredAt: at('2026-09-02T13:00:00Z') })).toEqual(at('2026-09-02T13:00:00Z'));
    expect(readingsAfter(SnapshotLabel.SevenDays, live, { capturedAt: oneDay, measuredAt: null })).toEqual(oneDay);
    // Measured before captures recorded "no data": nothing at +1d, so from the post going live.
    expect(readingsAfter(SnapshotLabel.SevenDays, live, null)).toEqual(live);
  });
});
