import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { Brand, Campaign, Creator, CreatorRating } from '../../../libs/domain/entities';
import { formatMoney } from '../../../libs/domain/rules/money-format';
import { Party } from '../../../libs/domain/rules/roles';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import type { CollaborationState } from '../../../workflows/messages';
import { form, list, page, text } from './portal-html';
import { csrfToken, ensureNonce } from './portal-session';
import { liveState, PORTAL_ROOT, PORTAL_STYLESHEET_PATH as STYLESHEET, type PortalDependencies, type Visit } from './portal-types';

/** The page a link opens: the booking as its party may see it, with a form for each decision open to them. */
export async function render(deps: PortalDependencies, seen: Visit, request: Request, response: Response, outcome: { notice?: string; error?: string; status: number }): Promise<void> {
  const nonce = ensureNonce(request, response, deps.config.env === 'production');
  const csrf = csrfToken(deps.config.sessionSecret, seen.link.id, nonce);
  const base = `${PORTAL_ROOT}/${seen.token}`;
  const options = (action: string, submit: string, multipart = false) => ({ action: `${base}/${action}`, csrf, requestId: randomUUID(), submit, multipart });
  const { collaboration } = seen;
  const campaign = await deps.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
  const state = collaboration.workflowId ? await liveState(deps, collaboration).catch(() => null) : null;
  const stage = state?.stage ?? collaboration.stage;
  const sections: string[] = [];
  if (outcome.notice) sections.push(`<p class="notice" role="status">${text(outcome.notice)}</p>`);
  if (outcome.error) sections.push(`<p class="error" role="alert">${text(outcome.error)}</p>`);

  if (seen.link.party === Party.Brand) {
    const brand = await deps.db.getRepository(Brand).findOneByOrFail({ id: campaign.brandId });
    sections.unshift(`<h1>${text(campaign.name)}: drafts to review</h1><p class="muted">For ${text(brand.name)}. Stage: ${text(stage)}</p>`);
    sections.push(...draftSections(state, (deliverableId, version) =>
      form(options('review', 'Send review'), `<input type="hidden" name="deliverableId" value="${text(deliverableId)}"><input type="hidden" name="version" value="${version}">
        <label><input type="radio" name="decision" value="approve" checked> Approve</label>
        <label><input type="radio" name="decision" value="request_changes"> Ask for changes</label>
        <label>Feedback <textarea name="feedback" rows="3"></textarea></label>`),
    ));
    response.status(outcome.status).type('html').send(page(`${campaign.name} – review`, sections.join(''), STYLESHEET));
    return;
  }

  const creator = await deps.db.getRepository(Creator).findOneByOrFail({ id: collaboration.creatorId });
  sections.unshift(`<h1>${text(campaign.name)}</h1><p class="muted">Your booking, ${text(creator.name)}. Stage: <strong data-stage>${text(stage)}</strong></p>`);

  const brief = campaign.brief ?? {};
  sections.push(`<h2>Brief</h2>${list(brief.keyMessages)}${brief.dos?.length ? `<p>Do:</p>${list(brief.dos)}` : ''}${brief.donts?.length ? `<p>Don't:</p>${list(brief.donts)}` : ''}${brief.disclosureRequirements?.length ? `<p>Disclosure:</p>${list(brief.disclosureRequirements)}` : ''}`);
  const briefOpen = (stage === CollaborationStage.Briefed && !state?.briefAcknowledgedAt) || Boolean(state?.briefChangedAt);
  if (briefOpen) sections.push(form(options('acknowledge', 'I have read the brief and accept it'), ''));

  const negotiation = state?.negotiation;
  const onTable = negotiation?.offers.at(-1);
  if (onTable) {
    const terms = onTable.terms;
    sections.push(
      `<h2>Offer</h2><p>Fee: <strong data-fee>${text(formatMoney(terms.creatorFeeMinor, terms.currency))}</strong>, paid ${terms.paymentNetDays} days after the post is verified.</p>` +
        `<p>Deliverables: ${text(terms.deliverables.map((d) => `${d.type} on ${d.platform}`).join(', '))}</p>` +
        (terms.usageRights?.durationDays ? `<p>Usage rights: ${terms.usageRights.durationDays} days${terms.usageRights.paidAmplification ? ', with paid amplification' : ''}</p>` : '') +
        (terms.exclusivity ? `<p>Exclusivity: ${text(terms.exclusivity.category)} from ${text(terms.exclusivity.start)} to ${text(terms.exclusivity.end)}</p>` : ''),
    );
    if (negotiation?.agreed) sections.push('<p>These terms are agreed.</p>');
    else if (onTable.party === 'creator') sections.push('<p>Your counter-offer is with the agency.</p>');
    else {
      sections.push(form(options('accept', 'Accept this offer'), ''));
      sections.push(form(options('counter', 'Send counter-offer'), `<label>Your fee (${text(terms.currency)}) <input type="text" name="fee" inputmode="decimal" required></label>`));
    }
  }

  for (const contract of state?.contracts ?? []) {
    sections.push(`<h2>Contract: ${text(contract.kind)}</h2><p class="muted">Document fingerprint (SHA-256): <code>${text(contract.documentHash)}</code></p>`);
    if (contract.creatorSignedAt) sections.push(`<p>You signed on ${text(contract.creatorSignedAt)}.</p>`);
    else if (stage === CollaborationStage.Contracting) {
      sections.push(
        form(options('sign', 'Sign'), `<input type="hidden" name="contractId" value="${text(contract.contractId)}">
          <label>Type your full name <input type="text" name="fullName" autocomplete="name" required></label>
          <label><input type="checkbox" name="consent" value="yes" required> I agree to sign this contract electronically; my typed name, the time, my address and the document fingerprint are recorded.</label>`),
      );
    }
  }

  if (stage === CollaborationStage.InProduction) {
    sections.push(...draftSections(state, () => '', (deliverable) =>
      [ 'drafting', 'changes_requested' ].includes(deliverable.status)
        ? form(options('check', 'Check caption'), `<input type="hidden" name="deliverableId" value="${text(deliverable.deliverableId)}">
            <label>Check a caption before you upload <textarea name="caption" rows="3" required></textarea></label>`) +
          form(options('draft', 'Upload draft', true), `<input type="hidden" name="deliverableId" value="${text(deliverable.deliverableId)}">
            <label>Draft file <input type="file" name="file" required></label>
            <label>Caption <textarea name="caption" rows="4" required></textarea></label>`)
        : '',
    ));
  }
  if (stage === CollaborationStage.Posting) {
    sections.push('<h2>Going live</h2>');
    for (const deliverable of state?.deliverables ?? []) {
      if (deliverable.status === 'verified' || deliverable.status === 'cancelled') continue;
      sections.push(
        `<p>${text(deliverable.type)} on ${text(deliverable.platform)}${deliverable.postProblems?.length ? `: ${text(deliverable.postProblems.join('; '))}` : ''}</p>` +
          form(options('posted', 'Report live post'), `<input type="hidden" name="deliverableId" value="${text(deliverable.deliverableId)}">
            <label>Link to the live post <input type="url" name="liveUrl" required></label>
            <label>Caption as posted <textarea name="caption" rows="4" required></textarea></label>`),
      );
    }
  }
  if (stage === CollaborationStage.Payout) {
    sections.push(`<h2>Invoice</h2><p>Payout: ${text(state?.payout?.status ?? 'requested')}</p>` + form(options('invoice', 'Submit invoice'), '<label>Invoice number <input type="text" name="invoiceNumber" required></label>'));
  }
  if (stage === CollaborationStage.Completed) {
    const rating = await deps.db.getRepository(CreatorRating).findOneBy({ collaborationId: collaboration.id });
    sections.push('<h2>How did it go?</h2>');
    if (rating && rating.rating === null) {
      sections.push(
        form(options('rate', 'Send rating'), `<label>Your rating (1 = very unhappy, 5 = very happy) <select name="rating">${[5, 4, 3, 2, 1].map((n) => `<option value="${n}">${n}</option>`).join('')}</select></label>
          <label>Anything to tell us? <textarea name="note" rows="3"></textarea></label>`),
      );
    } else sections.push('<p>The collaboration is complete. Thank you.</p>');
  }
  response.status(outcome.status).type('html').send(page(`${campaign.name} – your booking`, sections.join(''), STYLESHEET));
}

/** Each deliverable with its drafts: file, caption's compliance result, feedback; `review` adds the brand's form under the draft in review. */
function draftSections(
  state: CollaborationState | null,
  review: (deliverableId: string, version: number) => string,
  upload?: (deliverable: NonNullable<CollaborationState['deliverables']>[number]) => string,
): string[] {
  const sections = ['<h2>Drafts</h2>'];
  for (const deliverable of state?.deliverables ?? []) {
    const drafts = deliverable.drafts
      .map((draft) => {
        const compliance = draft.compliant ? 'passes the disclosure check' : `needs changes: ${draft.violations.map((v) => v.message).join('; ')}`;
        const inReview = deliverable.status === 'in_review' && draft.version === deliverable.drafts.length && !draft.decision;
        return `<li data-draft="${draft.version}">Version ${draft.version}: ${text(compliance)}${draft.decision ? `. Review: ${text(draft.decision.replace('_', ' '))}` : ''}${draft.feedback ? ` – “${text(draft.feedback)}”` : ''}${inReview ? review(deliverable.deliverableId, draft.version) : ''}</li>`;
      })
      .join('');
    sections.push(`<h3>${text(deliverable.type)} on ${text(deliverable.platform)} <span class="muted">(${text(deliverable.status.replace('_', ' '))}, due ${text(deliverable.draftDueAt.slice(0, 10))})</span></h3>${drafts ? `<ul>${drafts}</ul>` : '<p>No draft yet.</p>'}${upload ? upload(deliverable) : ''}`);
  }
  return sections;
}
