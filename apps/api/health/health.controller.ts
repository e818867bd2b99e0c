import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { Public } from '../users/api-auth.guard';
import { object, oneOf } from '../common/answer-schemas';

const HEALTH_REPORT = object({ status: oneOf(['ok', 'degraded']), database: oneOf(['up', 'down']), temporal: oneOf(['up', 'down']) });

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  temporal: 'up' | 'down';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
  ) {}

  /** 200 when PostgreSQL and Temporal both answer, 503 (with the same report) when either does not. */
  @Public()
  @Get()
  @ApiOkResponse({ schema: HEALTH_REPORT })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Temporal is down: the same report, status degraded', schema: HEALTH_REPORT })
  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([this.databaseUp(), this.temporal.isReachable()]);
    const report: HealthReport = {
      status: database && temporal ? 'ok' : 'degraded',
      database: database ? 'up' : 'down',
      temporal: temporal ? 'up' : 'down',
    };
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
