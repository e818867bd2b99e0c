import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { badgeText, TONE_COLOURS, toneOf, type BadgeKind } from './badge-tones';

/** A stage or status (custom.kind names its table in badge-tones.ts), coloured by what it means. */
const Badge: React.FC<BasePropertyProps> = ({ property, record, resource, where }) => {
  const { translateProperty } = useTranslation();
  const value = record?.params?.[property.path];
  if (value === undefined || value === null || value === '') return where === 'show' ? <ValueGroup label={translateProperty(property.label, resource.id)}>—</ValueGroup> : null;
  const tone = toneOf((property.custom as { kind: BadgeKind }).kind, value);
  const colours = TONE_COLOURS[tone];
  const badge = (
    <span
      data-testid={'badge-' + property.path}
      data-tone={tone}
      title={String(value)}
      style={{ display: 'inline-block', padding: '2px 8px', borderRadius: '10px', fontSize: '12px', lineHeight: '18px', whiteSpace: 'nowrap', background: colours.background, color: colours.text }}
    >
      {badgeText(value)}
    </span>
  );
  return where === 'show' ? <ValueGroup label={translateProperty(property.label, resource.id)}>{badge}</ValueGroup> : badge;
};

export default Badge;
