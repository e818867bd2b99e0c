import React, { useEffect, useState } from 'react';
import { ApiClient, ViewHelpers } from 'adminjs';
import { Badge, Box, Link } from '@adminjs/design-system';
import type { UnreadCount } from './inbox-badge.component';

/** Often enough to notice a new reminder without reloading; the count is one indexed query. */
const REFRESH_MS = 60_000;

/** "Inbox" in the top bar, with the number of the user's unread notifications when there are any. */
const InboxBadge: React.FC = () => {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    const api = new ApiClient();
    let live = true;
    const load = () =>
      api
        .resourceAction({ resourceId: 'Notification', actionName: 'unreadCount' })
        .then((response) => {
          const count = (response.data as Partial<UnreadCount>)?.unread;
          if (live && typeof count === 'number') setUnread(count);
        })
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const href = new ViewHelpers().resourceUrl({ resourceId: 'Notification' });
  return (
    <Box flex flexGrow={1} justifyContent="flex-end" alignItems="center" px="xl" data-css="version">
      <Link href={href} data-testid="inbox-link" title="Your notifications">
        Inbox
        {unread ? (
          <Badge variant="danger" size="sm" ml="sm" data-testid="inbox-unread">
            {unread}
          </Badge>
        ) : null}
      </Link>
    </Box>
  );
};

export default InboxBadge;
