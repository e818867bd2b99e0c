import { ApiKey } from './api-key.entity';
import { AuditLog } from './audit-log.entity';
import { BookingRiskFlag } from './booking-risk-flag.entity';
import { Brand } from './brand.entity';
import { Campaign } from './campaign.entity';
import { Collaboration } from './collaboration.entity';
import { Contract } from './contract.entity';
import { Creator } from './creator.entity';
import { CreatorRating } from './creator-rating.entity';
import { CreatorSale } from './creator-sale.entity';
import { Deliverable } from './deliverable.entity';
import { Delivery } from './delivery.entity';
import { PortalLink } from './portal-link.entity';
import { DraftSubmission } from './draft-submission.entity';
import { Escalation } from './escalation.entity';
import { Import } from './import.entity';
import { ExclusivityWindow } from './exclusivity-window.entity';
import { Notification } from './notification.entity';
import { Payout } from './payout.entity';
import { PerformanceSnapshot } from './performance-snapshot.entity';
import { Report } from './report.entity';
import { Target } from './target.entity';
import { UnderperformerFlag } from './underperformer-flag.entity';
import { User } from './user.entity';
import { Webhook } from './webhook.entity';

export {
  ApiKey,
  AuditLog,
  BookingRiskFlag,
  Brand,
  Campaign,
  Collaboration,
  Contract,
  Creator,
  CreatorRating,
  CreatorSale,
  Deliverable,
  Delivery,
  PortalLink,
  DraftSubmission,
  Escalation,
  ExclusivityWindow,
  Import,
  Notification,
  Payout,
  PerformanceSnapshot,
  Report,
  Target,
  UnderperformerFlag,
  User,
  Webhook,
};
export * from './campaign.entity';
export * from './collaboration.entity';
export * from './creator.entity';
export * from './brand.entity';
export * from './contract.entity';
export { DeliveryStatus } from './delivery.entity';

export const ENTITIES = [
  User,
  Creator,
  Brand,
  Campaign,
  Collaboration,
  Escalation,
  Notification,
  Delivery,
  PortalLink,
  AuditLog,
  Deliverable,
  DraftSubmission,
  Contract,
  ExclusivityWindow,
  Payout,
  PerformanceSnapshot,
  Target,
  ApiKey,
  CreatorRating,
  Import,
  CreatorSale,
  Report,
  UnderperformerFlag,
  BookingRiskFlag,
  Webhook,
];
