import { BadRequestException, Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Report } from '../../../libs/domain/entities';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { GenerateTeamReportDto } from './report.dto';
import { ReportsService } from './reports.service';

@ApiTags('insight')
@ApiBasicAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The stored reports within your reach (a manager: their team's; finance and admins: all). */
  @Get()
  @ApiOkResponse({ type: [Report] })
  list(@CurrentActor() actor: Actor): Promise<Report[]> {
    return this.reports.list(actor);
  }

  /** Makes a team lead's monthly report now (replacing that month's), through the Schedule's own workflow. */
  @Post('team-monthly')
  @Roles(Role.Manager, Role.Finance, Role.Admin)
  @ApiCreatedResponse({ type: Report })
  generate(@Body() dto: GenerateTeamReportDto, @CurrentActor() actor: Actor): Promise<Report> {
    return this.reports.generate(actor, dto.managerId, dto.month);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report as a PDF (an attachment)', schema: { type: 'string', format: 'binary' } })
  async pdf(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const { report, body } = await this.reports.file(actor, id, 'pdf');
    response.type('application/pdf').attachment(`report-${report.periodLabel}-${report.subjectId.slice(0, 8)}.pdf`).send(body);
  }

  @Get(':id/csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The report as CSV (an attachment)', schema: { type: 'string' } })
  async csv(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const { report, body } = await this.reports.file(actor, id, 'csv');
    response.type('text/csv; charset=utf-8').attachment(`report-${report.periodLabel}-${report.subjectId.slice(0, 8)}.csv`).send(body);
  }

  /** A campaign's summary, recorded when it ended, as a PDF or a CSV. */
  @Get('campaigns/:campaignId/summary.:format')
  @ApiProduces('application/pdf', 'text/csv')
  @ApiOkResponse({ description: 'The summary as .pdf or .csv (an attachment)', schema: { type: 'string', format: 'binary' } })
  async campaignSummary(@Param('campaignId', ParseUUIDPipe) campaignId: string, @Param('format') format: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    if (format !== 'pdf' && format !== 'csv') throw new BadRequestException('The summary is available as .pdf or .csv');
    const { filename, body } = await this.reports.campaignSummary(actor, campaignId, format);
    response.type(format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8').attachment(filename).send(body);
  }
}
