import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every collaboration carries (docs/domain.md#the-collaboration-lifecycle), so Temporal's UI and
 * visibility queries can list collaborations by campaign, creator, brand or stage. Values are ids
 * and stage names only.
 *
 * Workflow code imports this module (through workflows/search-attributes.ts), so it stays pure:
 * it imports @temporalio/common and nothing else (eslint.config.js enforces it). The worker's
 * registration (./search-attributes.ts) reads the same list.
 */
export const CampaignIdKey = defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD);
export const CreatorIdKey = defineSearchAttributeKey('CreatorId', SearchAttributeType.KEYWORD);
export const BrandIdKey = defineSearchAttributeKey('BrandId', SearchAttributeType.KEYWORD);
export const StageKey = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTE_KEYS = [CampaignIdKey, CreatorIdKey, BrandIdKey, StageKey];
