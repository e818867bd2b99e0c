import { Body, ConflictException, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Creator } from '../../../libs/domain/entities';
import { OWNER_ROLES, newRecordOwner } from '../../../libs/domain/rules/ownership';
import { OPERATIONS_WRITE } from '../../../libs/domain/rules/reach';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { RecordReach } from '../users/record-reach';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { isUniqueViolation } from '../common/postgres-errors';
import { requireActiveUserWithRole } from '../common/references';
import { CreateCreatorDto, ReassignCreatorDto, UpdateCreatorDto } from './creator.dto';
import { CreatorReassignment, CreatorsService } from './creators.service';

class CreatorReassignmentDto {
  @ApiProperty({ type: Creator }) creator: Creator;
  @ApiProperty({ type: [String], description: 'Running bookings now run by the new owner' }) movedBookings: string[];
  @ApiProperty({ type: [String], description: 'Bookings left as they were: ended ones, ones someone else runs, or all when asked' }) keptBookings: string[];
}

@ApiTags('creators')
@ApiBasicAuth()
@Controller('creators')
export class CreatorsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
    private readonly creators: CreatorsService,
  ) {}

  @Post()
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiCreatedResponse({ type: Creator })
  @ApiForbiddenResponse({ description: 'The owner named is not you (talent manager) or someone in your team (manager)' })
  async create(@Body() dto: CreateCreatorDto, @CurrentActor() actor: Actor): Promise<Creator> {
    const ownerId = newRecordOwner(OWNER_ROLES.creator, actor, dto.ownerId);
    if (!ownerId) throw new UnprocessableEntityException('ownerId is required: name the talent manager who owns this creator');
    // The panel's rule (resource-spec.ts, checkOwner): a new creator's owner is someone the writer
    // reaches, so a talent manager cannot add a creator to another's roster.
    if (!(await this.reach.allows(actor, OPERATIONS_WRITE, ownerId))) {
      throw new ForbiddenException('You can only add creators owned by yourself or, for a manager, by your team');
    }
    try {
      return await this.db.transaction(async (tx) => {
        await requireActiveUserWithRole(tx, 'ownerId', ownerId, OWNER_ROLES.creator);
        const { payoutReference: _kept, ...rest } = await tx.save(tx.create(Creator, { ...dto, ownerId }));
        await appendAudit(tx, {
          actor,
          action: 'creator.created',
          entity: 'Creator',
          entityId: rest.id,
          after: { handle: rest.handle, ownerId },
        });
        // The payout token stays in the database; responses never echo it.
        return Object.assign(new Creator(), rest);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A creator with handle "${dto.handle}" already exists`);
      throw error;
    }
  }

  @Get(':id')
  @ApiOkResponse({ type: Creator })
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<Creator> {
    return this.creators.findOne(id);
  }

  /** Edits channels, audience, rates, preferences or availability: each field given replaces the stored one. */
  @Patch(':id')
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiOkResponse({ type: Creator })
  @ApiForbiddenResponse({ description: 'The creator is not yours (talent manager) or your team\'s (manager)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCreatorDto, @CurrentActor() actor: Actor): Promise<Creator> {
    return this.creators.updateProfile(id, dto, actor);
  }

  /**
   * Hands the creator to another owner, with a reason. Running bookings the previous owner holds
   * move too unless `moveRunningBookings` is false; ended ones stay (docs/domain.md#owner-reassignment).
   */
  @Post(':id/reassign')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Admin)
  @ApiOkResponse({ type: CreatorReassignmentDto })
  @ApiForbiddenResponse({ description: 'A talent manager cannot reassign; a manager only within their team' })
  @ApiConflictResponse({ description: 'The creator is already owned by that user' })
  reassign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReassignCreatorDto, @CurrentActor() actor: Actor): Promise<CreatorReassignment> {
    return this.creators.reassign(id, dto, actor);
  }
}
