import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { formatMoney } from '../../../../libs/domain/rules/money-format';
import type { MoneyOptions } from './index';

/** An amount in minor units, shown with its currency (custom.currencyPath, default "currency"). */
const moneyText = (raw: unknown, currency: unknown): string => {
  if (raw === undefined || raw === null || raw === '') return '—';
  const amount = Number(raw);
  if (!currency || typeof currency !== 'string' || !Number.isFinite(amount)) return String(raw);
  return formatMoney(amount, currency);
};

const Money: React.FC<BasePropertyProps> = (props) => {
  const { property, record, resource, where } = props;
  const { translateProperty } = useTranslation();
  const params = (record && record.params) || {};
  const custom: Partial<MoneyOptions> = property.custom || {};
  const currency = params[custom.currencyPath || 'currency'];
  const raw = params[property.path];
  const text = moneyText(raw, currency);
  if (where === 'show') {
    const minor = raw === undefined || raw === null || raw === '' || !currency ? '' : ' · ' + raw + ' minor units';
    return (
      <ValueGroup label={translateProperty(property.label, resource.id)}>
        <span data-testid={'money-' + property.path}>{text}</span>
        {minor}
      </ValueGroup>
    );
  }
  return <span data-testid={'money-' + property.path}>{text}</span>;
};

export default Money;
