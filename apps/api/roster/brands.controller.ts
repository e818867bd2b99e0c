import { Body, ConflictException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Brand } from '../../../libs/domain/entities';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { isUniqueViolation } from '../common/postgres-errors';
import { CreateBrandDto } from './brand.dto';

@ApiTags('brands')
@ApiBasicAuth()
@Controller('brands')
export class BrandsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
  async findOne(@Param('id', ParseUUIDPipe) id: string): Promise<Brand> {
    const brand = await this.db.getRepository(Brand).findOneBy({ id });
    if (!brand) throw new NotFoundException(`Brand ${id} does not exist`);
    return brand;
  }
}
