import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Brand } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import { UpdateBrandDto } from './brand.dto';

const GUIDELINE_LISTS = ['mandatoryHashtags', 'mandatoryMentions', 'prohibitedClaims'] as const;

/**
 * A brand's guidelines after it was added. Nothing running keeps a copy: every compliance check
 * (drafts, live posts) reads the brand as it is at that moment, so a change applies to whatever
 * is checked after it (docs/domain.md#what-edits-reach-running-bookings).
 */
@Injectable()
export class BrandsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findOne(id: string): Promise<Brand> {
    const brand = await this.db.getRepository(Brand).findOneBy({ id });
    if (!brand) throw new NotFoundException(`Brand ${id} does not exist`);
    return brand;
  }

  /** Each list given replaces the stored one; the others stay. Audited with both versions. */
  async updateGuidelines(id: string, dto: UpdateBrandDto, actor: Actor): Promise<Brand> {
    const lists = GUIDELINE_LISTS.filter((list) => dto.guidelines?.[list] !== undefined);
    if (lists.length === 0) throw new BadRequestException(`Nothing to change: send guidelines with at least one of ${GUIDELINE_LISTS.join(', ')}`);
    const brand = await this.findOne(id);
    const guidelines = { ...brand.guidelines, ...Object.fromEntries(lists.map((list) => [list, dto.guidelines[list]])) };
    return this.db.transaction(async (tx) => {
      await tx.update(Brand, { id }, { guidelines });
      await appendAudit(tx, { actor, action: 'brand.guidelines_updated', entity: 'Brand', entityId: id, before: { guidelines: brand.guidelines }, after: { guidelines } });
      return tx.findOneByOrFail(Brand, { id });
    });
  }
}
