import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Brand, Creator } from '../../../libs/domain/entities';
import { CreatorStatus } from '../../../libs/domain/rules/statuses';
import { containing, IsSort, ListQueryDto, Page, PageDto, pageOf } from '../common/list-query';

const BRAND_SORT = { name: 'b.name', createdAt: 'b.createdAt' } as const;
const CREATOR_SORT = { name: 'c.name', handle: 'c.handle', createdAt: 'c.createdAt' } as const;

export class BrandListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, any case' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ enum: ['name', '-name', 'createdAt', '-createdAt'], default: 'name' }) @IsOptional() @IsSort(Object.keys(BRAND_SORT))
  sort?: string;
}

export class CreatorListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or handle, any case' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: CreatorStatus }) @IsOptional() @IsEnum(CreatorStatus)
  status?: CreatorStatus;

  @ApiPropertyOptional({ description: 'The owning talent manager' }) @IsOptional() @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ description: 'Creators with this niche' }) @IsOptional() @IsString() @MaxLength(60)
  niche?: string;

  @ApiPropertyOptional({ enum: ['name', '-name', 'handle', '-handle', 'createdAt', '-createdAt'], default: 'name' }) @IsOptional() @IsSort(Object.keys(CREATOR_SORT))
  sort?: string;
}

class BrandPageDto extends PageDto {
  @ApiProperty({ type: [Brand] }) items: Brand[];
}

class CreatorPageDto extends PageDto {
  @ApiProperty({ type: [Creator] }) items: Creator[];
}

/**
 * The roster's lists. Every signed-in user reads brands and creators, as in the panel; the payout
 * token is never selected.
 */
@ApiTags('roster')
@ApiBasicAuth()
@Controller()
export class RosterListsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('brands')
  @ApiOkResponse({ type: BrandPageDto })
  brands(@Query() query: BrandListQueryDto): Promise<Page<Brand>> {
    const rows = this.db.getRepository(Brand).createQueryBuilder('b');
    if (query.search) rows.andWhere('b.name ILIKE :search', { search: containing(query.search) });
    if (query.category) rows.andWhere('b.category = :category', { category: query.category });
    return pageOf(rows, query, BRAND_SORT, 'name');
  }

  @Get('creators')
  @ApiOkResponse({ type: CreatorPageDto })
  creators(@Query() query: CreatorListQueryDto): Promise<Page<Creator>> {
    const rows = this.db.getRepository(Creator).createQueryBuilder('c');
    if (query.search) rows.andWhere('(c.name ILIKE :search OR c.handle ILIKE :search)', { search: containing(query.search) });
    if (query.status) rows.andWhere('c.status = :status', { status: query.status });
    if (query.ownerId) rows.andWhere('c.ownerId = :ownerId', { ownerId: query.ownerId });
    if (query.niche) rows.andWhere(':niche = ANY(c.niches)', { niche: query.niche });
    return pageOf(rows, query, CREATOR_SORT, 'name');
  }
}
