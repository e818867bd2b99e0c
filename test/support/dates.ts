/**
 * Calendar days relative to today (UTC), as the API writes them ("2026-12-01"): tests book on
 * campaigns that are still running whenever they run, since a campaign whose end has passed is
 * refused.
 */
export function dayFromToday(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A campaign from tomorrow for about two months. */
export const upcomingCampaign = (): { startsOn: string; endsOn: string } => ({ startsOn: dayFromToday(1), endsOn: dayFromToday(62) });
