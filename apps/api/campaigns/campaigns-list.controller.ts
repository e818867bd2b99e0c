import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Campaign, Market } from '../../../libs/domain/entities';
import { CampaignStatus } from '../../../libs/domain/rules/statuses';
import { containing, IsSort, ListQueryDto, Page, PageDto, pageOf } from '../common/list-query';

const CAMPAIGN_SORT = { name: 'ca.name', startsOn: 'ca.startsOn', endsOn: 'ca.endsOn', createdAt: 'ca.createdAt' } as const;

export class CampaignListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: "Part of the campaign's name, any case" }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  brandId?: string;

  @ApiPropertyOptional({ enum: CampaignStatus }) @IsOptional() @IsEnum(CampaignStatus)
  status?: CampaignStatus;

  @ApiPropertyOptional({ enum: Market }) @IsOptional() @IsEnum(Market)
  market?: Market;

  @ApiPropertyOptional({ description: 'Who runs the campaign' }) @IsOptional() @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: ['name', '-name', 'startsOn', '-startsOn', 'endsOn', '-endsOn', 'createdAt', '-createdAt'], default: '-startsOn' })
  @IsOptional() @IsSort(Object.keys(CAMPAIGN_SORT))
  sort?: string;
}

class CampaignPageDto extends PageDto {
  @ApiProperty({ type: [Campaign] }) items: Campaign[];
}

/** Campaigns, newest first by default; every signed-in user reads them, as in the panel. */
@ApiTags('campaigns')
@ApiBasicAuth()
@Controller('campaigns')
export class CampaignsListController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ type: CampaignPageDto })
  list(@Query() query: CampaignListQueryDto): Promise<Page<Campaign>> {
    const rows = this.db.getRepository(Campaign).createQueryBuilder('ca');
    if (query.search) rows.andWhere('ca.name ILIKE :search', { search: containing(query.search) });
    if (query.brandId) rows.andWhere('ca.brandId = :brandId', { brandId: query.brandId });
    if (query.status) rows.andWhere('ca.status = :status', { status: query.status });
    if (query.market) rows.andWhere('ca.market = :market', { market: query.market });
    if (query.ownerId) rows.andWhere('ca.ownerId = :ownerId', { ownerId: query.ownerId });
    return pageOf(rows, query, CAMPAIGN_SORT, '-startsOn');
  }
}
