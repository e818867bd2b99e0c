import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { FACTOR_NAMES, FactorWeights, Recommendation } from '../../../libs/domain/rules/recommendation';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { CandidatesService } from './candidates.service';
import { FACTOR_WEIGHTS } from './campaign-answers';

export const MAX_CANDIDATES = 100;

export class CandidatesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CANDIDATES, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_CANDIDATES)
  limit?: number;
}

class FactorDto {
  @ApiProperty({ enum: FACTOR_NAMES }) name: string;
  @ApiProperty({ description: '0–1' }) value: number;
  @ApiProperty({ description: 'The team weight; weights sum to 1' }) weight: number;
  @ApiProperty({ description: 'value × weight × 100; the contributions add up to the score' }) contribution: number;
  @ApiProperty() explanation: string;
}

class CandidateDto {
  @ApiProperty() creatorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '0–100' }) score: number;
  @ApiProperty({ type: [FactorDto] }) factors: FactorDto[];
}

class ExcludedDto {
  @ApiProperty() creatorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) reasons: string[];
}

class RecommendationDto {
  @ApiProperty({ type: [CandidateDto] }) items: CandidateDto[];
  @ApiProperty({ type: [ExcludedDto] }) excluded: ExcludedDto[];
}

export class WeightsDto {
  @ApiProperty({ example: { nicheFit: 0.2, audienceFit: 0.2, nmvPerPost: 0.15, engagementRate: 0.1, conversionRate: 0.1, reliability: 0.1, priceFit: 0.05, repeatCollaboration: 0.05, audienceOverlap: 0.05 } })
  @IsObject()
  weights: Record<string, number>;
}

@ApiTags('campaigns')
@ApiBasicAuth()
@Controller()
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  /** Creators within the caller's reach, ranked for the brief, each score explained factor by factor; the rest with why they are out. */
  @Get('campaigns/:id/candidates')
  @Roles(Role.Manager, Role.TalentManager, Role.Admin)
  @ApiOkResponse({ type: RecommendationDto })
  rank(@Param('id', ParseUUIDPipe) id: string, @Query() query: CandidatesQueryDto, @CurrentActor() actor: Actor): Promise<Recommendation> {
    return this.candidates.rank(id, actor, query.limit ?? 20);
  }

  /** The ranking weights of the caller's team. */
  @Get('recommendation-weights')
  @ApiOkResponse({ schema: FACTOR_WEIGHTS })
  weights(@CurrentActor() actor: Actor): Promise<FactorWeights> {
    return this.candidates.weightsFor(actor);
  }

  /** A team lead sets their team's ranking weights (each 0–1, summing to 1; unnamed factors keep their default). */
  @Put('recommendation-weights')
  @Roles(Role.Manager, Role.Admin)
  @ApiOkResponse({ schema: FACTOR_WEIGHTS })
  setWeights(@Body() dto: WeightsDto, @CurrentActor() actor: Actor): Promise<FactorWeights> {
    return this.candidates.setWeights(actor, dto.weights);
  }
}
