import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Campaign, Contract, ExclusivityWindow, Payout } from '../libs/domain/entities';
import type { FrozenContractTerms } from '../libs/domain/entities/contract.entity';
import { ContractKind, ContractStatus, DEFAULT_MAX_REVISIONS, PayoutKind, PayoutStatus } from '../libs/domain/rules/lifecycle';
import { killFee } from '../libs/domain/rules/terms';
import type { Actor } from '../libs/domain/rules/roles';
import { requireCollaboration } from './booking-record';

export interface PreparedContract {
  contractId: string;
  kind: ContractKind;
  documentHash: string;
}

export type SignatureParty = 'creator' | 'agency';

export interface RecordSignatureInput {
  contractId: string;
  collaborationId: string;
  party: SignatureParty;
  actor: Actor;
  at: string;
  eventKey: string;
}

/** Canonical JSON (sorted keys) so the same terms always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function documentHash(kind: ContractKind, collaborationId: string, terms: FrozenContractTerms): string {
  return createHash('sha256').update(canonicalJson({ kind, collaborationId, terms })).digest('hex');
}

/**
 * CONTRACTING's paperwork: the contracts drawn up from the agreed terms (frozen, hashed), their
 * signatures, exclusivity registered only once executed, and the undoing on a dropout.
 */
@Injectable()
export class ContractActivities {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The campaign agreement, an NDA when the brief requires one, and an exclusivity addendum when
   * the terms grant exclusivity, each sent for signature with its terms frozen. Idempotent: a
   * retry returns the contracts already drawn up.
   */
  async prepareContracts(input: { collaborationId: string; at: string }): Promise<PreparedContract[]> {
    return this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      const campaign = await tx.findOneByOrFail(Campaign, { id: collaboration.campaignId });
      const terms: FrozenContractTerms = {
        brandPrice: { amountMinor: collaboration.brandPriceMinor ?? 0, currency: collaboration.currency },
        creatorFee: { amountMinor: collaboration.creatorFeeMinor ?? 0, currency: collaboration.currency },
        usageRights: collaboration.usageRights,
        exclusivity: collaboration.exclusivity,
        paymentTerms: collaboration.paymentTerms,
        killFeeBps: collaboration.paymentTerms.killFeeBps ?? 0,
        maxRevisions: DEFAULT_MAX_REVISIONS,
        campaign: { id: campaign.id, name: campaign.name, startsOn: campaign.startsOn, endsOn: campaign.endsOn },
      };
      const kinds = [
        ContractKind.CampaignAgreement,
        ...(campaign.brief?.requiresNda ? [ContractKind.Nda] : []),
        ...(collaboration.exclusivity ? [ContractKind.ExclusivityAddendum] : []),
      ];
      const prepared: PreparedContract[] = [];
      for (const kind of kinds) {
        let contract = await tx.findOneBy(Contract, { collaborationId: collaboration.id, kind, status: Not(ContractStatus.Void) });
        if (!contract) {
          contract = await tx.save(
            tx.create(Contract, { collaborationId: collaboration.id, kind, status: ContractStatus.Sent, frozenTerms: terms, documentHash: documentHash(kind, collaboration.id, terms) }),
          );
          await appendAudit(tx, {
            action: 'contract.sent',
            entity: 'Contract',
            entityId: contract.id,
            after: { kind, collaborationId: collaboration.id, documentHash: contract.documentHash },
            at: new Date(input.at),
            eventKey: `${collaboration.workflowId}:contract-sent:${kind}`,
          });
        }
        prepared.push({ contractId: contract.id, kind, documentHash: contract.documentHash! });
      }
      return prepared;
    });
  }

  /** The creator signs first, then the agency; the agency's signature executes the contract. */
  async recordSignature(input: RecordSignatureInput): Promise<ContractStatus> {
    return this.db.transaction(async (tx) => {
      const contract = await tx.findOneBy(Contract, { id: input.contractId, collaborationId: input.collaborationId });
      if (!contract) throw ApplicationFailure.nonRetryable(`Contract ${input.contractId} does not belong to collaboration ${input.collaborationId}`, 'CollaborationNotFound');
      const at = new Date(input.at);
      const changes: { creatorSignedAt?: Date; agencySignedAt?: Date; status: ContractStatus } =
        input.party === 'creator'
          ? { creatorSignedAt: contract.creatorSignedAt ?? at, status: contract.status === ContractStatus.Sent ? ContractStatus.SignedByCreator : contract.status }
          : { agencySignedAt: contract.agencySignedAt ?? at, status: ContractStatus.Executed };
      await tx.update(Contract, { id: contract.id }, changes);
      await appendAudit(tx, {
        actor: input.actor,
        action: `contract.signed_by_${input.party}`,
        entity: 'Contract',
        entityId: contract.id,
        before: { status: contract.status },
        after: { status: changes.status },
        at,
        eventKey: input.eventKey,
      });
      return changes.status!;
    });
  }

  /** docs/domain.md#the-collaboration-lifecycle: exclusivity binds the creator only once the contract is executed. */
  async registerExclusivity(input: { collaborationId: string; at: string }): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      if (!collaboration.exclusivity) return null;
      // The workflow calls this once every contract is signed, but the last signature's activity
      // may still be writing 'executed' on the addendum: a live addendum is the source whatever it says yet.
      const source = await tx.findOneBy(Contract, { collaborationId: collaboration.id, status: Not(ContractStatus.Void), kind: ContractKind.ExclusivityAddendum })
        ?? (await tx.findOneByOrFail(Contract, { collaborationId: collaboration.id, status: ContractStatus.Executed, kind: ContractKind.CampaignAgreement }));
      const existing = await tx.findOneBy(ExclusivityWindow, { sourceContractId: source.id });
      if (existing) return existing.id;
      // The brand holding it: its own re-bookings pass, and competitors are matched against it.
      const campaign = await tx.findOneOrFail(Campaign, { where: { id: collaboration.campaignId }, relations: { brand: true } });
      const window = await tx.save(
        tx.create(ExclusivityWindow, {
          creatorId: collaboration.creatorId,
          brandId: campaign.brandId,
          brandName: campaign.brand?.name ?? null,
          category: collaboration.exclusivity.category,
          startsOn: collaboration.exclusivity.start,
          endsOn: collaboration.exclusivity.end,
          sourceContractId: source.id,
        }),
      );
      await appendAudit(tx, {
        action: 'exclusivity.registered',
        entity: 'ExclusivityWindow',
        entityId: window.id,
        after: { creatorId: collaboration.creatorId, brandId: campaign.brandId, ...collaboration.exclusivity, sourceContractId: source.id },
        at: new Date(input.at),
        eventKey: `${collaboration.workflowId}:exclusivity-registered`,
      });
      return window.id;
    });
  }

  /**
   * Dropout compensation: contracts not yet executed are void; exclusivity that came from this
   * collaboration's contracts is released. Returns whether any contract had been executed (a kill fee may be owed).
   */
  async undoContracts(input: {
    collaborationId: string;
    reason: string;
    actor?: Actor;
    at: string;
    /** false: the workflow pays the kill fee through its payout child, which records it; absent in older runs: record it here. */
    requestKillFee?: boolean;
  }): Promise<{ executed: boolean; killFeeMinor: number }> {
    return this.db.transaction(async (tx) => {
      const collaboration = await requireCollaboration(tx, input.collaborationId);
      const contracts = await tx.findBy(Contract, { collaborationId: collaboration.id });
      const at = new Date(input.at);
      for (const contract of contracts.filter((c) => c.status !== ContractStatus.Executed && c.status !== ContractStatus.Void)) {
        await tx.update(Contract, { id: contract.id }, { status: ContractStatus.Void, voidedAt: at, voidReason: input.reason });
        await appendAudit(tx, { actor: input.actor, action: 'contract.voided', entity: 'Contract', entityId: contract.id, before: { status: contract.status }, after: { status: ContractStatus.Void, reason: input.reason }, at, eventKey: `${collaboration.workflowId}:contract-void:${contract.id}` });
      }
      const ids = contracts.map((c) => c.id);
      if (ids.length) {
        const windows = await tx.findBy(ExclusivityWindow, { sourceContractId: In(ids), releasedAt: IsNull() });
        for (const window of windows) {
          await tx.update(ExclusivityWindow, { id: window.id }, { releasedAt: at });
          await appendAudit(tx, { actor: input.actor, action: 'exclusivity.released', entity: 'ExclusivityWindow', entityId: window.id, after: { releasedAt: input.at, reason: input.reason }, at, eventKey: `${collaboration.workflowId}:exclusivity-released:${window.id}` });
        }
      }
      const executed = contracts.some((c) => c.status === ContractStatus.Executed);
      const owed = executed ? killFee({ creatorFeeMinor: collaboration.creatorFeeMinor ?? 0, killFeeBps: collaboration.paymentTerms.killFeeBps ?? 0 }) : 0;
      if (owed > 0 && input.actor && input.requestKillFee !== false) {
        // Only the kill fee the contract allows is owed; finance approves and pays it like any payout.
        await tx
          .createQueryBuilder()
          .insert()
          .into(Payout)
          .values({
            collaborationId: collaboration.id,
            kind: PayoutKind.KillFee,
            amountMinor: owed,
            currency: collaboration.currency,
            status: PayoutStatus.Requested,
            requestedById: input.actor.userId,
            idempotencyKey: `${collaboration.workflowId}:kill-fee`,
          })
          .orIgnore()
          .execute();
      }
      return { executed, killFeeMinor: owed };
    });
  }
}
