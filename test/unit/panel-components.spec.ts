import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANALYTICS_PAGE_COMPONENT, ANALYTICS_TABLE_COMPONENT, ANALYTICS_TREND_COMPONENT, FORECAST_CHART_COMPONENT } from '../../apps/api/analytics/analytics-page.component';
import { BADGE_COMPONENT, CHARTS_COMPONENT, DASHBOARD_COMPONENT, DATETIME_COMPONENT, DECISION_FORM_COMPONENT, MONEY_COMPONENT, RELATED_COMPONENT } from '../../apps/api/back-office/components';
import { FIND_CREATORS_COMPONENT } from '../../apps/api/campaigns/find-creators-page.component';
import { LIVE_VIEW_COMPONENT } from '../../apps/api/collaborations/live-view.component';
import { IMPORT_UPLOAD_COMPONENT } from '../../apps/api/imports/import-upload.component';
import { KPI_BOARD_COMPONENT } from '../../apps/api/kpis/kpi-board.component';
import { INBOX_BADGE_COMPONENT } from '../../apps/api/notifications/inbox-badge.component';
import { PREFERENCES_PAGE_COMPONENT } from '../../apps/api/notifications/preferences-page.component';
import { PLANNING_COMPONENT } from '../../apps/api/planning/planning-page.component';
import { REPORTS_PAGE_COMPONENT } from '../../apps/api/reports/reports-page.component';
import { UNDERPERFORMERS_PAGE_COMPONENT } from '../../apps/api/underperformers/underperformers-page.component';
import { PANEL_COMPONENTS } from '../../apps/api/panel-components';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(relative, keep);
    return keep(relative) ? [relative] : [];
  });
}

describe('the back office components that `npm run build` bundles', () => {
  it('lists each component once, by a name the bundle entry can import it as, from a .tsx that exists', () => {
    const names = PANEL_COMPONENTS.map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const { name, source } of PANEL_COMPONENTS) {
      expect(name).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
      expect(source).toMatch(/\.tsx$/);
      expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
    }
  });

  it('includes every name the server refers to, and every .tsx of the application', () => {
    expect(PANEL_COMPONENTS.map(({ name }) => name).sort()).toEqual(
      [
        DASHBOARD_COMPONENT, DECISION_FORM_COMPONENT, LIVE_VIEW_COMPONENT, MONEY_COMPONENT, RELATED_COMPONENT, CHARTS_COMPONENT,
        KPI_BOARD_COMPONENT, IMPORT_UPLOAD_COMPONENT, ANALYTICS_PAGE_COMPONENT, ANALYTICS_TREND_COMPONENT, ANALYTICS_TABLE_COMPONENT, FORECAST_CHART_COMPONENT, REPORTS_PAGE_COMPONENT, UNDERPERFORMERS_PAGE_COMPONENT,
        FIND_CREATORS_COMPONENT, PLANNING_COMPONENT, DATETIME_COMPONENT, BADGE_COMPONENT, INBOX_BADGE_COMPONENT,
        PREFERENCES_PAGE_COMPONENT,
      ].sort(),
    );
    expect(PANEL_COMPONENTS.map(({ source }) => source).sort()).toEqual(filesUnder('apps', (file) => file.endsWith('.tsx')).sort());
  });

  it('leaves no React in TypeScript files: components are .tsx, compiled and type-checked', () => {
    const sources = ['apps', 'libs', 'scripts', 'workflows', 'activities'].flatMap((dir) => filesUnder(dir, (file) => file.endsWith('.ts')));
    const withReact = sources.filter((file) => /from ['"]react['"]|React\.createElement/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(withReact).toEqual([]);
  });
});
