import { ExclusivityWindow } from '../../../libs/domain/entities';
import { operations, OPERATIONS_WRITE, type AccessCheck } from '../back-office/access';
import { blankToNull } from '../back-office/properties';
import { NAVIGATION, type PanelResource } from '../back-office/resource-spec';

/** Only windows registered by hand; the workflow's own (from an executed contract) are read-only. */
const manualWindow: AccessCheck = (context) => operations(context) && !context.record?.params?.sourceContractId;

/**
 * A creator's exclusivity windows. Windows from an executed contract belong to the workflow
 * (registered and released by it); a window agreed outside CreatorOps can be registered by hand
 * so the conflict check sees it.
 */
export function exclusivityWindowPanel(): PanelResource {
  // A window is the creator's: added and changed by whoever keeps the creator (creators.panel.ts).
  return {
    entity: ExclusivityWindow,
    id: 'ExclusivityWindow',
    label: 'Exclusivity windows',
    navigation: NAVIGATION.roster,
    list: ['creatorId', 'category', 'brandId', 'startsOn', 'endsOn', 'releasedAt'],
    show: ['id', 'creatorId', 'category', 'brandId', 'brandName', 'startsOn', 'endsOn', 'sourceContractId', 'releasedAt', 'createdAt', 'updatedAt'],
    filter: ['creatorId', 'category', 'brandId', 'brandName', 'startsOn', 'endsOn', 'sourceContractId', 'releasedAt'],
    // A brand on record (brandId) lets its own re-bookings pass; a name alone is matched by name.
    create: ['creatorId', 'category', 'brandId', 'brandName', 'startsOn', 'endsOn'],
    edit: ['category', 'brandId', 'brandName', 'startsOn', 'endsOn', 'releasedAt'],
    mayWrite: manualWindow,
    scope: { owner: 'creator.ownerId', write: OPERATIONS_WRITE },
    createUnder: { field: 'creatorId', parent: 'creator', reach: OPERATIONS_WRITE },
    prepareCreate: (payload) => blankToNull(payload, ['category', 'brandId', 'brandName']),
    prepareEdit: (payload) => blankToNull(payload, ['category', 'brandId', 'brandName', 'releasedAt']),
    titleProperty: 'category',
    sort: { sortBy: 'startsOn', direction: 'desc' },
    propertyLabels: {
      creatorId: 'Creator',
      brandId: 'Brand holding it',
      brandName: 'Brand name (brands outside CreatorOps)',
      startsOn: 'From',
      endsOn: 'Until',
      sourceContractId: 'From contract',
      releasedAt: 'Released at',
      createdAt: 'Registered at',
      updatedAt: 'Updated at',
    },
  };
}
