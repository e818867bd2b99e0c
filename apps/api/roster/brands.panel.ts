import { Brand } from '../../../libs/domain/entities';
import { adminOnly, operations } from '../back-office/access';
import { NAVIGATION, type PanelResource } from '../back-office/resource-spec';

/** Brands in the panel; guidelines and contacts are set through the API. */
export function brandPanel(): PanelResource {
  return {
    entity: Brand,
    id: 'Brand',
    label: 'Brands',
    navigation: NAVIGATION.brands,
    list: ['name', 'category', 'createdAt'],
    show: ['id', 'name', 'category', 'competitorCategories', 'competitorBrands', 'guidelines', 'contacts', 'createdAt', 'updatedAt'],
    filter: ['name', 'category'],
    create: ['name', 'category', 'competitorCategories', 'competitorBrands'],
    edit: ['name', 'category', 'competitorCategories', 'competitorBrands'],
    mayWrite: operations,
    mayDelete: adminOnly,
    titleProperty: 'name',
    sort: { sortBy: 'name', direction: 'asc' },
    structured: ['guidelines', 'contacts'],
    propertyLabels: { competitorCategories: 'Competitor categories', competitorBrands: 'Competitor brands' },
  };
}
