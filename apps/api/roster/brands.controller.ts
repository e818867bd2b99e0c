import { Body, ConflictException, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Brand } from '../../../libs/domain/entities';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { isUniqueViolation } from '../common/postgres-errors';
import { CreateBrandDto, UpdateBrandDto } from './brand.dto';
import { BrandsService } from './brands.service';

@ApiTags('brands')
@ApiBasicAuth()
@Controller('brands')
export class BrandsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly brands: BrandsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: Brand })
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  async create(@Body() dto: CreateBrandDto, @CurrentActor() actor: Actor): Promise<Brand> {
    try {
      return await this.db.transaction(async (tx) => {
        const brand = await tx.save(tx.create(Brand, dto));
        await appendAudit(tx, { actor, action: 'brand.created', entity: 'Brand', entityId: brand.id, after: { name: brand.name } });
        return brand;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A brand named "${dto.name}" already exists`);
      throw error;
    }
  }

  @Get(':id')
  @ApiOkResponse({ type: Brand })
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<Brand> {
    return this.brands.findOne(id);
  }

  /** Edits the guidelines: each list given replaces the stored one. Drafts and posts checked from then on are checked against them. */
  @Patch(':id')
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiOkResponse({ type: Brand })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateBrandDto, @CurrentActor() actor: Actor): Promise<Brand> {
    return this.brands.updateGuidelines(id, dto, actor);
  }
}
