import React from 'react';
import { Box, Link, ValueGroup } from '@adminjs/design-system';
import { useTranslation, ViewHelpers, type BasePropertyProps } from 'adminjs';
import type { RelatedOptions } from './index';

const h = new ViewHelpers();

/**
 * Links from a record to what belongs to it: custom.links = [{ label, resourceId, filter }]
 * (the list of resourceId filtered on filter = this record's id), or [{ label, action }]
 * (one of this record's actions), or [{ label, page, query }] (a page of the panel, with this
 * record's id in its query).
 */
const Related: React.FC<BasePropertyProps> = (props) => {
  const { property, record, resource, where } = props;
  const { translateProperty } = useTranslation();
  if (where !== 'show' || !record) return null;
  const custom: Partial<RelatedOptions> = property.custom || {};
  const links = custom.links || [];
  return (
    <ValueGroup label={translateProperty(property.label, resource.id)}>
      <Box flex flexDirection="row" flexWrap="wrap">
        {links.map((link) => {
          const search = '?' + new URLSearchParams({ ...(link.query || {}), [link.idParam || 'id']: record.id }).toString();
          const href = link.page
            ? (link.download ? h.urlBuilder(['api', 'pages', link.page]) : h.pageUrl(link.page)) + search
            : link.action
              ? h.recordActionUrl({ resourceId: resource.id, recordId: record.id, actionName: link.action })
              : h.resourceUrl({ resourceId: link.resourceId as string, search: '?filters.' + link.filter + '=' + encodeURIComponent(record.id) });
          return (
            <Link key={link.label} href={href} mr="xl" data-testid={'related-' + (link.page ? link.page + (link.download ? '-' + (link.query?.format ?? 'file') : '') : link.action || link.resourceId)}>
              {link.label}
            </Link>
          );
        })}
      </Box>
    </ValueGroup>
  );
};

export default Related;
