import { BadRequestException } from '@nestjs/common';
import { calendarPeriod, customPeriod, periodContaining, type Period } from '../../../libs/domain/rules/periods';
import type { AnalyticsPeriodQuery } from './analytics-page.component';
import type { AnalyticsQueryDto } from './analytics-query.dto';

/** The period asked for: a month or quarter by its first day (default: the current month), or a custom range. */
export function periodOf(query: AnalyticsPeriodQuery | AnalyticsQueryDto, now: Date = new Date()): Period {
  const kind = query.period ?? 'month';
  let period: Period | string;
  if (kind === 'custom') {
    if (!query.from || !query.to) throw new BadRequestException('A custom period needs from and to (YYYY-MM-DD)');
    period = customPeriod(query.from, query.to);
  } else {
    period = query.start ? calendarPeriod(kind, query.start) : periodContaining(kind, now);
  }
  if (typeof period === 'string') throw new BadRequestException(period);
  return period;
}
