import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Collaboration } from '../../libs/domain/entities';
import { Actor, Role } from '../../libs/domain/rules/roles';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { DeliverablePlan, Terms } from '../../libs/domain/rules/terms';
import { waitFor } from '../../scripts/lib/ports';
import {
  acceptTermsUpdate, acknowledgeBriefUpdate, CollaborationState, DeliverableProgress, markPostedUpdate, proposeTermsUpdate, recordSignatureUpdate, reviewDraftUpdate, stateQuery, submitDraftUpdate,
} from '../../workflows/messages';
import { WorkflowHarness } from './workflow-harness';

/** The cause a refused update carries (type and message), for asserting on. */
export async function updateRejection(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(() => new Error('expected the update to be refused'), (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

export const DISCLOSED_CAPTION = 'Sponsored: three days with the winter serum';

export interface DriveOptions {
  sla?: Partial<SlaPolicy>;
  row?: Collaboration;
  deliverables?: DeliverablePlan[];
  terms?: Partial<Terms>;
  acceptedBy?: Actor;
  /** How the booking's workflow is started (by default on its own, as harness.book does). */
  start?: (sla?: Partial<SlaPolicy>, row?: Collaboration) => Promise<{ row: Collaboration; handle: WorkflowHandle }>;
}

export interface Driven {
  row: Collaboration;
  handle: WorkflowHandle;
  deliverables: DeliverableProgress[];
}

/**
 * Walks a booking through the stages before the one a test is about, with the decisions the
 * right people would take. Each step waits until the workflow shows its effect.
 */
export function lifecycleDriver(harness: WorkflowHarness) {
  const talentManager = (): Actor => ({ userId: harness.team.talentManager.id, role: Role.TalentManager });
  const manager = (): Actor => ({ userId: harness.team.manager.id, role: Role.Manager });
  const finance = (): Actor => ({ userId: harness.team.finance.id, role: Role.Finance });
  const until = (handle: WorkflowHandle, what: string, ready: (state: CollaborationState) => boolean) =>
    waitFor(what, async () => (ready(await handle.query(stateQuery)) ? true : undefined), 20_000);

  async function toNegotiating(options: DriveOptions = {}): Promise<Omit<Driven, 'deliverables'>> {
    const { row, handle } = await (options.start ?? harness.book)(options.sla, options.row);
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
    await harness.reachStage(handle, CollaborationStage.Negotiating);
    return { row, handle };
  }

  async function toContracting(options: DriveOptions = {}): Promise<Omit<Driven, 'deliverables'>> {
    const booked = await toNegotiating(options);
    const deliverables = options.deliverables ?? [
      { type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    ];
    const terms: Terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables, ...options.terms };
    await booked.handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager(), terms }] });
    await booked.handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: options.acceptedBy ?? talentManager() }] });
    await until(booked.handle, 'contracts sent', (state) => !!state.contracts?.length);
    return booked;
  }

  async function signAll(handle: WorkflowHandle): Promise<void> {
    for (const contract of (await handle.query(stateQuery)).contracts!) {
      const signed = { contractId: contract.contractId, documentHash: contract.documentHash };
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: talentManager(), party: 'creator', ...signed }] });
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: manager(), party: 'agency', ...signed }] });
    }
  }

  async function toProduction(options: DriveOptions = {}): Promise<Driven> {
    const { row, handle } = await toContracting(options);
    await signAll(handle);
    await until(handle, 'deliverables planned', (state) => !!state.deliverables?.length);
    return { row, handle, deliverables: (await handle.query(stateQuery)).deliverables! };
  }

  const submitDraft = (handle: WorkflowHandle, deliverableId: string, caption = DISCLOSED_CAPTION, version = 1) =>
    handle.executeUpdate(submitDraftUpdate, { args: [{ actor: talentManager(), deliverableId, assetUrl: `https://drive.example/draft-${version}.mp4`, caption }] });
  const reviewDraft = (handle: WorkflowHandle, deliverableId: string, version: number, decision: 'approve' | 'request_changes', feedback?: string) =>
    handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: manager(), deliverableId, version, decision, feedback }] });

  async function toPosting(options: DriveOptions = {}): Promise<Driven> {
    const driven = await toProduction(options);
    for (const deliverable of driven.deliverables) {
      await submitDraft(driven.handle, deliverable.deliverableId);
      await reviewDraft(driven.handle, deliverable.deliverableId, 1, 'approve');
    }
    await harness.reachStage(driven.handle, CollaborationStage.Posting);
    return driven;
  }

  const markPosted = (handle: WorkflowHandle, deliverableId: string, liveUrl: string, caption = DISCLOSED_CAPTION) =>
    handle.executeUpdate(markPostedUpdate, { args: [{ actor: talentManager(), deliverableId, liveUrl, caption }] });

  async function toPayout(options: DriveOptions = {}): Promise<Driven> {
    const driven = await toPosting(options);
    for (const [index, deliverable] of driven.deliverables.entries()) {
      await markPosted(driven.handle, deliverable.deliverableId, `https://www.instagram.com/reel/live-${index}/`);
    }
    await harness.reachStage(driven.handle, CollaborationStage.Payout, 30_000);
    return driven;
  }

  return { talentManager, manager, finance, toNegotiating, toContracting, signAll, toProduction, submitDraft, reviewDraft, toPosting, markPosted, toPayout };
}
