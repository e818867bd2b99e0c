import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/config';
import { Collaboration, PortalLink } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { PortalLinks } from '../../../libs/portal/portal-links';
import type { UploadStore } from '../../../libs/storage/upload-store';
import { TemporalClient } from '../../../libs/temporal/temporal.module';
import { stateQuery, type CollaborationState } from '../../../workflows/messages';
import type { CollaborationDecisions } from '../collaborations/collaboration-decisions';
import type { SatisfactionService } from '../satisfaction/satisfaction.service';

export const PORTAL_ROOT = '/portal';
export const PORTAL_STYLESHEET_PATH = `${PORTAL_ROOT}/portal.css`;

export interface PortalDependencies {
  config: AppConfig;
  db: DataSource;
  temporal: TemporalClient;
  decisions: CollaborationDecisions;
  satisfaction: SatisfactionService;
  links: PortalLinks;
  uploads: UploadStore;
}

/** A request through a usable link: whose booking, and who acts. */
export interface Visit {
  link: PortalLink;
  token: string;
  actor: Actor;
  collaboration: Collaboration;
}

export type Fields = Record<string, string | undefined>;

/** A file as express-formidable hands it over. */
export interface UploadedFile {
  path: string;
  size: number;
}

export function liveState(deps: PortalDependencies, collaboration: Collaboration): Promise<CollaborationState> {
  return deps.temporal.client.workflow.getHandle(collaboration.workflowId!).query(stateQuery);
}
