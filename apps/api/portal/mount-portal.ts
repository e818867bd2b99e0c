import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/config';
import { PortalLinks } from '../../../libs/portal/portal-links';
import { LocalDiskUploadStore } from '../../../libs/storage/upload-store';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';
import { SatisfactionService } from '../satisfaction/satisfaction.service';
import { PORTAL_ROOT, portalRouter } from './portal-router';

/** The creator and brand portal at /portal, before Nest's body parsers (it reads its own forms). */
export function mountPortal(app: NestExpressApplication, config: AppConfig): void {
  const db = app.get(DataSource);
  app.use(
    PORTAL_ROOT,
    portalRouter({
      config,
      db,
      temporal: app.get(TemporalClient),
      decisions: app.get(CollaborationDecisions),
      satisfaction: app.get(SatisfactionService),
      links: new PortalLinks(db, config.portal.linkTtlMs),
      uploads: new LocalDiskUploadStore(config.portal.uploads.dir),
    }),
  );
}
