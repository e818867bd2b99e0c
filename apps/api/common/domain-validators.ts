import { ValidateBy, ValidationOptions } from 'class-validator';
import { audienceProblems } from '../../../libs/domain/rules/audience';
import { DEFAULT_SLA_POLICY, resolveSlaPolicy } from '../../../libs/domain/rules/sla';
import { feeWithinPriceProblem, isCurrencyCode, isMinorAmount, minorAmountProblem } from '../../../libs/domain/rules/money';
import { DeliverableType } from '../../../libs/domain/rules/statuses';

/** Delegates to the domain rule so the API and the panel refuse the same audiences. */
export function IsAudience(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAudience',
      validator: {
        validate: (value) => audienceProblems(value).length === 0,
        defaultMessage: (args) => audienceProblems(args?.value).join('; '),
      },
    },
    options,
  );
}

export function IsSlaOverrides(options?: ValidationOptions): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'slaOverrides must be an object';
    try {
      resolveSlaPolicy(DEFAULT_SLA_POLICY, value as Record<string, string>);
      return null;
    } catch (error) {
      return `slaOverrides: ${(error as Error).message}`;
    }
  };
  return ValidateBy(
    {
      name: 'isSlaOverrides',
      validator: {
        validate: (value) => problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? '',
      },
    },
    options,
  );
}

/** A rate card: deliverable type → { amountMinor, currency } in integer minor units. */
export function IsRateCard(options?: ValidationOptions): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'baseRates must be an object';
    for (const [type, rate] of Object.entries(value as Record<string, unknown>)) {
      if (!(Object.values(DeliverableType) as string[]).includes(type)) {
        return `baseRates.${type} is not a deliverable type (${Object.values(DeliverableType).join(', ')})`;
      }
      const { amountMinor, currency } = (rate ?? {}) as Record<string, unknown>;
      if (!isMinorAmount(amountMinor)) return `baseRates.${type}.amountMinor must be a non-negative integer (minor units)`;
      if (!isCurrencyCode(currency)) return `baseRates.${type}.currency must be an ISO 4217 code such as INR`;
    }
    return null;
  };
  return ValidateBy(
    { name: 'isRateCard', validator: { validate: (value) => problem(value) === null, defaultMessage: (args) => problem(args?.value) ?? '' } },
    options,
  );
}

/** An amount in minor units within what is stored exactly (libs/domain/rules/money.ts). */
export function IsMinorUnits(min = 0, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMinorUnits',
      validator: {
        validate: (value, args) => minorAmountProblem(value, args?.property ?? 'amount', min) === null,
        defaultMessage: (args) => minorAmountProblem(args?.value, args?.property ?? 'amount', min) ?? '',
      },
    },
    options,
  );
}

/** On `creatorFeeMinor`: the fee must not exceed the object's `brandPriceMinor`. */
export function IsFeeWithinPrice(options?: ValidationOptions): PropertyDecorator {
  const problem = (object: object, fee: unknown) =>
    typeof fee === 'number' ? feeWithinPriceProblem((object as { brandPriceMinor?: number }).brandPriceMinor, fee) : null;
  return ValidateBy(
    {
      name: 'isFeeWithinPrice',
      validator: {
        validate: (value, args) => problem(args!.object, value) === null,
        defaultMessage: (args) => problem(args!.object, args!.value) ?? '',
      },
    },
    options,
  );
}
