export { collaborationWorkflow } from './collaboration.workflow';
export { payoutWorkflow } from './payout.workflow';
export { campaignWorkflow } from './campaign.workflow';
export { satisfactionReminderWorkflow } from './satisfaction.workflow';
export { monthlyTeamReportsWorkflow, teamReportWorkflow } from './reports.workflow';
export { dailyUnderperformersWorkflow } from './underperformers.workflow';
export { dailyDigestWorkflow } from './digest.workflow';
