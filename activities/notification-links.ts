/** Where a notification points in the back office, absolute: its collaboration (if any) and the recipient's inbox. */
export function notificationLinks(publicUrl: string, notification: { collaborationId: string | null }): { recordUrl: string | null; inboxUrl: string } {
  return {
    recordUrl: notification.collaborationId ? `${publicUrl}/admin/resources/Collaboration/records/${notification.collaborationId}/show` : null,
    inboxUrl: `${publicUrl}/admin/resources/Notification`,
  };
}
