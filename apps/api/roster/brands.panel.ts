import { Brand } from '../../../libs/domain/entities';
import { Role } from '../../../libs/domain/rules/roles';
import { adminOnly, operations } from '../back-office/access';
import { decisionAction } from '../back-office/decision-action';
import { asLines, linesOf } from '../back-office/form-values';
import { NAVIGATION, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import { checkedDto } from '../common/checked-dto';
import { UpdateBrandDto } from './brand.dto';
import type { BrandsService } from './brands.service';

export type BrandsPort = Pick<BrandsService, 'findOne' | 'updateGuidelines'>;

const GUIDELINE_FIELDS = [
  { name: 'mandatoryHashtags', label: 'Mandatory hashtags (one per line)', placeholder: '#GlowUp' },
  { name: 'mandatoryMentions', label: 'Mandatory mentions (one per line)', placeholder: '@glowco' },
  { name: 'prohibitedClaims', label: 'Prohibited claims (one per line)', placeholder: 'cures acne' },
] as const;

/**
 * Brands in the panel; guidelines through "Edit guidelines" (the same checks as PATCH /brands/:id),
 * contacts through the API.
 */
export function brandPanel(deps: SpecDependencies & { brands: BrandsPort }): PanelResource {
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
    actions: {
      editGuidelines: decisionAction<Brand>(
        {
          name: 'editGuidelines',
          icon: 'Edit',
          roles: [Role.TalentManager, Role.Manager, Role.Admin],
          availableWhen: () => true,
          form: {
            intro: 'Every draft and live post checked from now on is checked against these; drafts already checked keep their result.',
            submitLabel: 'Save guidelines',
            fields: GUIDELINE_FIELDS.map((field) => ({ ...field, kind: 'textarea' as const, maxLength: 20_000 })),
            defaults: async (record) => {
              const { guidelines } = await deps.brands.findOne(record.id);
              return Object.fromEntries(GUIDELINE_FIELDS.map(({ name }) => [name, asLines(guidelines?.[name])]));
            },
          },
          perform: (values, { id, actor }) =>
            deps.brands.updateGuidelines(id, checkedDto(UpdateBrandDto, { guidelines: Object.fromEntries(GUIDELINE_FIELDS.map(({ name }) => [name, linesOf(values[name])])) }), actor),
          outcome: () => 'Guidelines saved',
          failure: 'The guidelines could not be saved',
        },
        deps.logger,
      ),
    },
    actionLabels: { editGuidelines: 'Edit guidelines' },
  };
}
