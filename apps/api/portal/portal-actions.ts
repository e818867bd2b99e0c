import { readFile } from 'node:fs/promises';
import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { checkContent } from '../../../activities/content-check';
import { appendAudit } from '../../../libs/db/audit';
import { Brand, Campaign, Deliverable } from '../../../libs/domain/entities';
import { toMinorUnits } from '../../../libs/domain/rules/minor-units';
import { Party, type Actor } from '../../../libs/domain/rules/roles';
import { uploadProblem } from '../../../libs/domain/rules/upload-types';
import {
  acceptTermsUpdate,
  acknowledgeBriefUpdate,
  counterOfferUpdate,
  markPostedUpdate,
  recordSignatureUpdate,
  reviewDraftUpdate,
  submitDraftUpdate,
} from '../../../workflows/messages';
import { payoutWorkflowId, submitInvoiceUpdate } from '../../../workflows/payout-messages';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';
import { liveState, type Fields, type PortalDependencies, type UploadedFile, type Visit } from './portal-types';

/** A refusal the portal shows on the page, with its status. */
export class PortalRefusal extends HttpException {}

function required(fields: Fields, name: string, label: string, max = 2_000): string {
  const value = (fields[name] ?? '').trim();
  if (!value) throw new PortalRefusal(`${label} is required`, 400);
  if (value.length > max) throw new PortalRefusal(`${label} may be at most ${max} characters`, 400);
  return value;
}

/** One decision through a link: the same Temporal update staff send, with the party as the actor. */
export async function perform(deps: PortalDependencies, seen: Visit, action: string, fields: Fields, files: Record<string, UploadedFile>, request: Request): Promise<string | void> {
  const { collaboration, actor } = seen;
  if (!collaboration.workflowId) throw new PortalRefusal('This booking has not started yet', 409);
  const requestId = /^[0-9a-f-]{36}$/.test(fields.requestId ?? '') ? `portal:${seen.link.id}:${fields.requestId}` : undefined;
  const send = <Input>(update: Parameters<CollaborationDecisions['send']>[2], input: Input) =>
    deps.decisions.send(collaboration.id, collaboration.workflowId!, update as never, input, requestId);

  switch (action) {
    case 'check': {
      // The compliance check a draft gets, on a caption alone, before anything is uploaded or submitted.
      const deliverableId = required(fields, 'deliverableId', 'The deliverable', 64);
      const caption = required(fields, 'caption', 'The caption', 2_200);
      const deliverable = await deps.db.getRepository(Deliverable).findOneBy({ id: deliverableId, collaborationId: collaboration.id });
      if (!deliverable) throw new PortalRefusal('This deliverable is not one of your booking', 400);
      const campaign = await deps.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
      const brand = await deps.db.getRepository(Brand).findOneByOrFail({ id: campaign.brandId });
      const result = await checkContent(deps.db.manager, { campaign, brand, creatorId: collaboration.creatorId, platform: deliverable.platform, caption });
      return result.compliant
        ? 'Caption check: this caption passes the disclosure check.'
        : `Caption check: ${result.violations.map((violation) => violation.message).join('; ')}`;
    }
    case 'acknowledge':
      await send(acknowledgeBriefUpdate, { actor });
      return;
    case 'accept':
      await send(acceptTermsUpdate, { actor });
      return;
    case 'counter': {
      const state = await liveState(deps, collaboration);
      const onTable = state.negotiation?.offers.at(-1);
      if (!onTable) throw new PortalRefusal('There is no offer to answer yet', 409);
      const fee = toMinorUnits(fields.fee ?? '', onTable.terms.currency);
      if (!fee.ok) throw new PortalRefusal(`The fee: ${fee.problem}`, 400);
      await send(counterOfferUpdate, { actor, terms: { ...onTable.terms, creatorFeeMinor: fee.minor } });
      return;
    }
    case 'sign': {
      const fullName = required(fields, 'fullName', 'Your full name', 200);
      if (fields.consent !== 'yes') throw new PortalRefusal('Tick the box to agree to sign electronically', 400);
      const state = await liveState(deps, collaboration);
      const contract = state.contracts?.find((c) => c.contractId === fields.contractId);
      if (!contract) throw new PortalRefusal('This contract is not one of your booking', 400);
      await send(recordSignatureUpdate, { actor, contractId: contract.contractId, party: 'creator', documentHash: contract.documentHash });
      // The click-to-sign evidence: who typed which name, agreeing, when, from where, on which document.
      await appendAudit(deps.db.manager, {
        actor,
        action: 'contract.signed_through_link',
        entity: 'Contract',
        entityId: contract.contractId,
        after: { fullName, consent: true, at: new Date().toISOString(), ip: request.ip ?? null, documentHash: contract.documentHash, linkId: seen.link.id },
        eventKey: `portal-sign:${contract.contractId}:creator`,
      });
      return;
    }
    case 'draft': {
      const deliverableId = required(fields, 'deliverableId', 'The deliverable', 64);
      const caption = required(fields, 'caption', 'The caption', 2_200);
      const file = files.file;
      if (!file || !file.size) throw new PortalRefusal('Choose the draft file to upload', 400);
      const bytes = await readFile(file.path);
      const problem = uploadProblem({ size: bytes.length, head: bytes.subarray(0, 16) }, deps.config.portal.uploads);
      if (problem) throw new PortalRefusal(problem.message, problem.status);
      const hash = await deps.uploads.put(bytes);
      await send(submitDraftUpdate, { actor, deliverableId, caption, assetUrl: `upload:${hash}` });
      return;
    }
    case 'posted': {
      const deliverableId = required(fields, 'deliverableId', 'The deliverable', 64);
      const liveUrl = required(fields, 'liveUrl', 'The link to the live post', 2_048);
      const caption = required(fields, 'caption', 'The caption', 2_200);
      await send(markPostedUpdate, { actor, deliverableId, liveUrl, caption });
      return;
    }
    case 'invoice': {
      const invoiceNumber = required(fields, 'invoiceNumber', 'The invoice number', 60);
      await deps.decisions.send(collaboration.id, payoutWorkflowId(collaboration.id), submitInvoiceUpdate, { actor, invoiceNumber }, requestId, 'The payout has not started yet');
      return;
    }
    case 'rate': {
      const rating = Number(fields.rating);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new PortalRefusal('Choose a rating from 1 to 5', 400);
      const note = (fields.note ?? '').trim().slice(0, 1_000) || null;
      await deps.satisfaction.rateAsCreator(collaboration.id, actor as Actor & { role: Party.Creator }, rating, note);
      // The booking is over: the link did its last job.
      await deps.links.revoke(collaboration.id, 'the creator rated the completed booking', undefined, Party.Creator);
      return;
    }
    case 'review': {
      const deliverableId = required(fields, 'deliverableId', 'The deliverable', 64);
      const version = Number(fields.version);
      const decision = fields.decision === 'approve' ? 'approve' : fields.decision === 'request_changes' ? 'request_changes' : null;
      if (!decision) throw new PortalRefusal('Choose to approve or to ask for changes', 400);
      const feedback = (fields.feedback ?? '').trim().slice(0, 2_000) || undefined;
      if (decision === 'request_changes' && !feedback) throw new PortalRefusal('Say what should change', 400);
      await send(reviewDraftUpdate, { actor, deliverableId, version, decision, feedback });
      return;
    }
  }
}
