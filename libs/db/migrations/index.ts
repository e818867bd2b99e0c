import { Foundation1795301580294 } from './1795301580294-Foundation';
import { LifecycleRecords1795304092649 } from './1795304092649-LifecycleRecords';
import { PayoutProviderLedger1795310000000 } from './1795310000000-PayoutProviderLedger';
import { ApiKeys1795320000000 } from './1795320000000-ApiKeys';
import { CampaignWorkflow1795330000000 } from './1795330000000-CampaignWorkflow';
import { LoginThrottle1795341000000 } from './1795341000000-LoginThrottle';
import { Imports1795350000000 } from './1795350000000-Imports';
import { CreatorRatings1795989478006 } from './1795989478006-CreatorRatings';
import { KpiTargets1795990038364 } from './1795990038364-KpiTargets';
import { Reports1795991381423 } from './1795991381423-Reports';
import { LatestReadings1795995000000 } from './1795995000000-LatestReadings';
import { RequestKeys1795996000000 } from './1795996000000-RequestKeys';
import { CreatorDisclosureFacts1796000000000 } from './1796000000000-CreatorDisclosureFacts';
import { ExclusivityWindowBrand1796100000000 } from './1796100000000-ExclusivityWindowBrand';
import { CampaignTargeting1796200000000 } from './1796200000000-CampaignTargeting';
import { UnderperformerFlags1796300000000 } from './1796300000000-UnderperformerFlags';
import { PlanningTargets1796400000000 } from './1796400000000-PlanningTargets';
import { AppRole1796500000000 } from './1796500000000-AppRole';
import { BriefReacknowledgement1796600000000 } from './1796600000000-BriefReacknowledgement';
import { CollaborationTitle1796700000000 } from './1796700000000-CollaborationTitle';
import { Deliveries1796800000000 } from './1796800000000-Deliveries';
import { ApprovalLimits1797000000000 } from './1797000000000-ApprovalLimits';
import { PortalLinks1797100000000 } from './1797100000000-PortalLinks';
import { NotificationChannels1797200000000 } from './1797200000000-NotificationChannels';
import { BookingListIndexes1797400000000 } from './1797400000000-BookingListIndexes';

/** In order. Listed explicitly so the same list works from TypeScript sources and from dist/. */
export const MIGRATIONS = [
  Foundation1795301580294,
  LifecycleRecords1795304092649,
  PayoutProviderLedger1795310000000,
  ApiKeys1795320000000,
  CampaignWorkflow1795330000000,
  LoginThrottle1795341000000,
  Imports1795350000000,
  CreatorRatings1795989478006,
  KpiTargets1795990038364,
  Reports1795991381423,
  LatestReadings1795995000000,
  RequestKeys1795996000000,
  CreatorDisclosureFacts1796000000000,
  ExclusivityWindowBrand1796100000000,
  CampaignTargeting1796200000000,
  UnderperformerFlags1796300000000,
  PlanningTargets1796400000000,
  AppRole1796500000000,
  BriefReacknowledgement1796600000000,
  CollaborationTitle1796700000000,
  Deliveries1796800000000,
  ApprovalLimits1797000000000,
  PortalLinks1797100000000,
  NotificationChannels1797200000000,
  BookingListIndexes1797400000000,
];
