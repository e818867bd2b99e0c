import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { formatWhen } from '../../../../libs/domain/rules/date-format';
import { panelDateSettings } from './date-settings';

/**
 * Every date and time column of every list and record page, in place of AdminJS's own
 * (`yyyy-MM-dd HH:mm` in the browser's zone): the deployment's locale and time zone
 * (libs/domain/rules/date-format.ts), the same as the panel's own pages.
 */
const DateTime: React.FC<BasePropertyProps> = ({ property, record, resource, where }) => {
  const { translateProperty } = useTranslation();
  const raw = record?.params?.[property.path];
  const text = formatWhen(raw, property.type === 'date' ? 'date' : 'datetime', panelDateSettings());
  const value = (
    <span data-testid={'when-' + property.path} title={raw ? String(raw) : undefined}>
      {text}
    </span>
  );
  return where === 'show' ? <ValueGroup label={translateProperty(property.label, resource.id)}>{value}</ValueGroup> : value;
};

export default DateTime;
