/**
 * The search attribute keys the workflows set. They are defined in libs/temporal (a pure module:
 * @temporalio/common only), which the worker's registration reads too, so libs/ never imports
 * workflows/.
 */
export { BrandIdKey, CampaignIdKey, CreatorIdKey, SEARCH_ATTRIBUTE_KEYS, StageKey } from '../libs/temporal/search-attribute-keys';
