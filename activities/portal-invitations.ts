import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../libs/config/config';
import { Brand, Campaign, Collaboration, Creator } from '../libs/domain/entities';
import { DraftReviewer, PARTY_LINK_PURPOSE } from '../libs/domain/rules/portal-links';
import { Party, type Actor } from '../libs/domain/rules/roles';
import { CollaborationStage, isTerminal } from '../libs/domain/rules/stages';
import { PortalLinks } from '../libs/portal/portal-links';
import { activityAttempt, EmailDelivery, refusedForGood } from './email-delivery';
import { escapeHtml } from './email-templates';

export type InvitationOutcome = 'sent' | 'already_sent' | 'mail_off' | 'no_address' | 'not_delivered';

/**
 * Portal links by e-mail (docs/portal.md), from inside the activities that already project the
 * booking (no new workflow step): the creator's when the booking is briefed, the brand
 * contact's when a draft waits for a campaign that routes reviews to the brand. Once per booking
 * and party: a retried activity finds the link sent. The links stop when the booking ends.
 */
@Injectable()
export class PortalInvitations {
  private readonly logger = new Logger(PortalInvitations.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailDelivery,
    @Optional() @Inject(APP_CONFIG) private readonly config?: Pick<AppConfig, 'portal' | 'publicUrl'>,
  ) {}

  private get links(): PortalLinks | null {
    return this.config ? new PortalLinks(this.db, this.config.portal.linkTtlMs) : null;
  }

  /**
   * Sends the party its link unless the current one was already sent; `resend` (staff, from the
   * panel or the API) always sends a new link, and the old one stops working.
   */
  async invite(collaborationId: string, party: Party, resend?: { by: Actor }): Promise<InvitationOutcome> {
    const links = this.links;
    if (!links || !this.email.enabled) return 'mail_off';
    const current = await links.current(collaborationId, party);
    if (current?.sentAt && !resend) return 'already_sent';
    const collaboration = await this.db.getRepository(Collaboration).findOneByOrFail({ id: collaborationId });
    const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
    const recipient = await this.recipientOf(collaboration, campaign, party);
    if (!recipient) {
      this.logger.warn(`no e-mail address for the ${party} of collaboration ${collaborationId}: no portal link sent`);
      return 'no_address';
    }
    const { token, link } = await links.issue({ collaborationId, party, partyId: recipient.partyId, by: resend?.by });
    const url = `${this.config!.publicUrl}/portal/${token}`;
    const subject = party === Party.Creator ? `[CreatorOps] Your booking: ${campaign.name}` : `[CreatorOps] Drafts to review: ${campaign.name}`;
    const purpose = PARTY_LINK_PURPOSE[party];
    const sent = this.email.sendMessage({
      to: recipient.email,
      subject,
      text: `Hello ${recipient.name},\n\nThis personal link opens ${purpose}:\n\n${url}\n\nKeep it to yourself: anyone with it can act for you on this booking. It stops working when the booking ends.\n`,
      html: `<p>Hello ${escapeHtml(recipient.name)},</p><p>This personal link opens ${escapeHtml(purpose)}:</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p><p>Keep it to yourself: anyone with it can act for you on this booking. It stops working when the booking ends.</p>`,
      messageKey: `portal-link:${link.id}`,
    });
    try {
      await sent;
    } catch (error) {
      // Inside an activity: Temporal tries again with its backoff, but a refused address or the
      // last try must not hold the booking up; the link stays unsent and staff can send it again.
      const attempt = activityAttempt();
      if (resend || (attempt < this.email.maxAttempts && !refusedForGood(error))) throw error;
      this.logger.warn(`portal link for the ${party} of collaboration ${collaborationId} not delivered after ${attempt} tries: ${String((error as Error).message ?? error).slice(0, 200)}`);
      return 'not_delivered';
    }
    await links.markSent(link.id);
    return 'sent';
  }

  /** The brand contact's link, when the campaign routes draft reviews to the brand. */
  async inviteBrandReviewer(collaborationId: string): Promise<void> {
    const [row] = await this.db.query(`SELECT ca."draftReviewer" FROM "collaborations" c JOIN "campaigns" ca ON ca."id" = c."campaignId" WHERE c."id" = $1`, [collaborationId]);
    if (row?.draftReviewer === DraftReviewer.Brand) await this.invite(collaborationId, Party.Brand);
  }

  /** The booking ended: its links stop working (the creator's stays for the rating once completed). */
  async bookingEnded(collaborationId: string, stage: CollaborationStage): Promise<void> {
    if (!isTerminal(stage)) return;
    const links = this.links;
    if (!links) return;
    if (stage === CollaborationStage.Completed) await links.revoke(collaborationId, 'the booking completed', undefined, Party.Brand);
    else await links.revoke(collaborationId, `the booking was ${stage.toLowerCase()}`);
  }

  private async recipientOf(collaboration: Collaboration, campaign: Campaign, party: Party): Promise<{ partyId: string; email: string; name: string } | null> {
    if (party === Party.Creator) {
      const creator = await this.db.getRepository(Creator).findOneByOrFail({ id: collaboration.creatorId });
      return creator.contactEmail ? { partyId: creator.id, email: creator.contactEmail, name: creator.name } : null;
    }
    const brand = await this.db.getRepository(Brand).findOneByOrFail({ id: campaign.brandId });
    const contact = brand.contacts.find((c) => c.email);
    return contact?.email ? { partyId: brand.id, email: contact.email, name: contact.name } : null;
  }
}
