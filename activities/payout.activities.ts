import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '../libs/db/audit';
import { Collaboration, Creator, Payout } from '../libs/domain/entities';
import { PayoutKind, PayoutStatus } from '../libs/domain/rules/lifecycle';
import type { Actor } from '../libs/domain/rules/roles';
import { PAYOUT_PROVIDER, PayoutProvider } from './payout-provider';

/** The failure type of a disbursement to a creator without payout details (never retried as such). */
export const PAYOUT_DETAILS_MISSING = 'PayoutDetailsMissing';

export interface RequestPayoutInput {
  collaborationId: string;
  amountMinor: number;
  currency: string;
  requestedById: string;
  idempotencyKey: string;
  at: string;
  /** Absent in runs started before kill fees were paid through this workflow: a fee. */
  kind?: PayoutKind;
}

/** PAYOUT's records and the disbursement through the payout-provider port. */
@Injectable()
export class PayoutActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProvider,
  ) {}

  /** The creator's fee as a payout request; one per idempotency key. */
  async requestPayout(input: RequestPayoutInput): Promise<string> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(Payout)
      .values({
        collaborationId: input.collaborationId,
        kind: input.kind ?? PayoutKind.Fee,
        amountMinor: input.amountMinor,
        currency: input.currency,
        status: PayoutStatus.Requested,
        requestedById: input.requestedById,
        idempotencyKey: input.idempotencyKey,
      })
      .orIgnore()
      .execute();
    const payout = await this.db.getRepository(Payout).findOneByOrFail({ idempotencyKey: input.idempotencyKey });
    return payout.id;
  }

  async recordInvoice(input: { payoutId: string; invoiceNumber: string; actor: Actor; at: string; eventKey: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const payout = await tx.findOneByOrFail(Payout, { id: input.payoutId });
      if (payout.status === PayoutStatus.Requested) {
        await tx.update(Payout, { id: payout.id }, { status: PayoutStatus.Invoiced, invoiceNumber: input.invoiceNumber });
      }
      await appendAudit(tx, { actor: input.actor, action: 'payout.invoiced', entity: 'Payout', entityId: payout.id, after: { invoiceNumber: input.invoiceNumber }, at: new Date(input.at), eventKey: input.eventKey });
    });
  }

  /** Finance's approval, scheduled for the due date. The database refuses the requester as approver too. */
  async approvePayout(input: { payoutId: string; actor: Actor; dueOn: string; at: string; eventKey: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const payout = await tx.findOneByOrFail(Payout, { id: input.payoutId });
      if (payout.status === PayoutStatus.Invoiced) {
        await tx.update(Payout, { id: payout.id }, { status: PayoutStatus.Scheduled, approvedById: input.actor.userId, approvedAt: new Date(input.at), dueOn: input.dueOn });
      }
      await appendAudit(tx, { actor: input.actor, action: 'payout.approved', entity: 'Payout', entityId: payout.id, after: { dueOn: input.dueOn }, at: new Date(input.at), eventKey: input.eventKey });
    });
  }

  /**
   * Pays through the provider with the payout's idempotency key: a retry after a crash, before or
   * after the provider answered, is the same single transfer.
   */
  async disburse(input: { payoutId: string; at: string }): Promise<{ providerReference: string }> {
    const payout = await this.db.getRepository(Payout).findOneByOrFail({ id: input.payoutId });
    if (payout.status === PayoutStatus.Paid && payout.providerReference) return { providerReference: payout.providerReference };
    if (payout.status !== PayoutStatus.Scheduled) {
      throw ApplicationFailure.nonRetryable(`Payout ${payout.id} is ${payout.status}; only an approved payout is paid`, 'PayoutNotApproved');
    }
    const collaboration = await this.db.getRepository(Collaboration).findOneByOrFail({ id: payout.collaborationId });
    const creator = await this.db.getRepository(Creator).createQueryBuilder('c').addSelect('c.payoutReference').where('c.id = :id', { id: collaboration.creatorId }).getOneOrFail();
    // Paying a null payee would send money nowhere (or to whoever the provider defaults to). The
    // workflow escalates to finance and tries again once the details are there.
    if (!creator.payoutReference?.trim()) {
      throw ApplicationFailure.nonRetryable(`Creator ${creator.id} has no payout details: payout ${payout.id} cannot be paid until they are added`, PAYOUT_DETAILS_MISSING);
    }
    const { reference } = await this.provider.pay({
      idempotencyKey: payout.idempotencyKey,
      amountMinor: payout.amountMinor,
      currency: payout.currency,
      payeeReference: creator.payoutReference,
    });
    await this.db.transaction(async (tx) => {
      await tx.update(Payout, { id: payout.id }, { status: PayoutStatus.Paid, paidAt: new Date(input.at), providerReference: reference });
      await appendAudit(tx, { action: 'payout.paid', entity: 'Payout', entityId: payout.id, after: { providerReference: reference, amountMinor: payout.amountMinor }, at: new Date(input.at), eventKey: `payout-paid:${payout.id}` });
    });
    return { providerReference: reference };
  }
}
