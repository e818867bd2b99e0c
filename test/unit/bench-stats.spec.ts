import { describeError } from '../../scripts/bench/drive';
import { DEFAULT_BENCH_SLA, defaultReportPath, parseOptions } from '../../scripts/bench/options';
import { addCounts, countHistory, divideCounts, EMPTY_COUNTS, LIFECYCLE_SHAPE } from '../../scripts/bench/shape';
import { percentile, ratio, round, summarize } from '../../scripts/bench/stats';

describe('benchmark statistics', () => {
  describe('percentile (nearest rank)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

    it('picks the value at rank ceil(p/100 · n)', () => {
      expect(percentile(hundred, 50)).toBe(50);
      expect(percentile(hundred, 95)).toBe(95);
      expect(percentile(hundred, 99)).toBe(99);
      expect(percentile(hundred, 100)).toBe(100);
      expect(percentile([10, 20, 30, 40], 50)).toBe(20);
      expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    });

    it('is always a measured value, also for few samples', () => {
      expect(percentile([7], 50)).toBe(7);
      expect(percentile([7], 99)).toBe(7);
      expect(percentile([1, 2, 3], 99)).toBe(3);
      expect(percentile([1, 2, 3], 1)).toBe(1);
    });

    it('is NaN without values and refuses percentiles outside (0, 100]', () => {
      expect(percentile([], 50)).toBeNaN();
      expect(() => percentile([1], 0)).toThrow(RangeError);
      expect(() => percentile([1], 101)).toThrow(RangeError);
    });
  });

  it('summarizes unsorted values', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ count: 4, min: 10, mean: 25, p50: 20, p95: 40, p99: 40, max: 40 });
    expect(summarize([])).toEqual({ count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null });
  });

  it('divides only known, non-zero figures', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, undefined)).toBeNull();
    expect(round(2 / 3)).toBe(0.667);
    expect(round(null)).toBeNull();
  });
});

describe('benchmark failure messages', () => {
  it('names the causes a failed Temporal call wraps', () => {
    const grpc = Object.assign(new Error('8 RESOURCE_EXHAUSTED: limit reached'), { code: 8 });
    class ServiceError extends Error {
      override name = 'ServiceError';
    }
    expect(describeError(new ServiceError('Workflow Update failed', { cause: grpc }))).toBe('ServiceError: Workflow Update failed ← 8 RESOURCE_EXHAUSTED: limit reached');
    expect(describeError('plain')).toBe('plain');
  });
});

describe('benchmark history counts', () => {
  it('counts updates, activities, timers, child workflows and workflow tasks by their attributes', () => {
    const events = [
      { workflowExecutionStartedEventAttributes: {} },
      { workflowTaskCompletedEventAttributes: {}, activityTaskScheduledEventAttributes: null },
      { activityTaskScheduledEventAttributes: {} },
      { activityTaskScheduledEventAttributes: {} },
      { timerStartedEventAttributes: {} },
      { timerFiredEventAttributes: {} },
      { workflowExecutionUpdateAcceptedEventAttributes: {} },
      { startChildWorkflowExecutionInitiatedEventAttributes: {} },
      { signalExternalWorkflowExecutionInitiatedEventAttributes: {} },
      { workflowExecutionSignaledEventAttributes: {} },
    ];
    const counts = countHistory(events);
    expect(counts).toEqual({
      events: 10, updatesAccepted: 1, activitiesScheduled: 2, timersStarted: 1, timersFired: 1, childWorkflowsStarted: 1, signalsSent: 1, signalsReceived: 1, workflowTasksCompleted: 1,
    });
    expect(addCounts(counts, EMPTY_COUNTS)).toEqual(counts);
    expect(addCounts(counts, counts).activitiesScheduled).toBe(4);
  });

  it("shares a campaign's history out over its bookings", () => {
    const campaign = { ...EMPTY_COUNTS, events: 1_000, updatesAccepted: 200, childWorkflowsStarted: 200, signalsReceived: 199 };
    expect(divideCounts(campaign, 200)).toMatchObject({ events: 5, updatesAccepted: 1, childWorkflowsStarted: 1, signalsReceived: 1, timersStarted: 0 });
    expect(divideCounts(campaign, 0).events).toBe(0);
  });

  it("adds the campaign's share and the payout child to the collaboration workflow in the counted shape", () => {
    const { campaignWorkflowShare: campaign, collaborationWorkflow: booking, payoutWorkflow: payout, total } = LIFECYCLE_SHAPE;
    expect(total).toEqual({
      updates: campaign.updates + booking.updates + payout.updates,
      activities: campaign.activities + booking.activities + payout.activities,
      timers: campaign.timers + booking.timers + payout.timers,
      childWorkflows: campaign.childWorkflows + booking.childWorkflows + payout.childWorkflows,
      signals: campaign.signals + booking.signals + payout.signals,
    });
  });
});

describe('benchmark options', () => {
  const now = new Date('2026-05-01T10:20:30.456Z');

  it('defaults to 200 collaborations, all at once, with the shortened SLAs', () => {
    const options = parseOptions([], {}, now);
    expect(options).toMatchObject({ n: 200, concurrency: 200, warmup: 2, out: 'bench-results/bench-2026-05-01T10-20-30Z.json', phases: ['real', 'baseline'], help: false });
    expect(options.sla).toEqual(DEFAULT_BENCH_SLA);
    expect(defaultReportPath(now)).toBe('bench-results/bench-2026-05-01T10-20-30Z.json');
  });

  it('takes flags over environment variables, in both flag forms', () => {
    const options = parseOptions(['--n', '5', '--concurrency=2', '-o', 'x.json', '--sla', '{"measureFirst":"1s"}', '--only', 'baseline'], { BENCH_N: '50', BENCH_WARMUP: '0' }, now);
    expect(options).toMatchObject({ n: 5, concurrency: 2, warmup: 0, out: 'x.json', phases: ['baseline'] });
    expect(options.sla).toEqual({ ...DEFAULT_BENCH_SLA, measureFirst: '1s' });
  });

  it('never runs more at once than there are lifecycles', () => {
    expect(parseOptions(['--n', '3', '--concurrency', '10'], {}, now).concurrency).toBe(3);
  });

  it('refuses unknown flags and bad values with the reason', () => {
    expect(() => parseOptions(['--bogus'], {}, now)).toThrow(/Unknown option --bogus/);
    expect(() => parseOptions(['--n', '0'], {}, now)).toThrow(/BENCH_N must be a whole number ≥ 1/);
    expect(() => parseOptions(['--n'], {}, now)).toThrow(/--n needs a value/);
    expect(() => parseOptions([], { BENCH_CONCURRENCY: '2.5' }, now)).toThrow(/BENCH_CONCURRENCY/);
    expect(() => parseOptions(['--sla', '[1]'], {}, now)).toThrow(/BENCH_SLA/);
    expect(() => parseOptions(['--only', 'both'], {}, now)).toThrow(/BENCH_ONLY/);
  });
});
