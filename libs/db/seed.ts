import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { Brand, Campaign, Creator, Market, User } from '../domain/entities';
import { Role } from '../domain/rules/roles';
import { Platform } from '../domain/rules/statuses';
import { appendAudit } from './audit';

/**
 * Creates the first admin when no user has that e-mail. An existing admin's password is left
 * alone: rotating ADMIN_PASSWORD must not silently reset a password someone changed since.
 */
export async function seedAdmin(db: DataSource, email: string, password: string): Promise<User> {
  const existing = await db.getRepository(User).findOneBy({ email });
  if (existing) return existing;
  const admin = await db.getRepository(User).save(
    db.getRepository(User).create({ email, name: 'Administrator', role: Role.Admin, passwordHash: await hashPassword(password) }),
  );
  await appendAudit(db.manager, { action: 'user.seeded', entity: 'User', entityId: admin.id, after: { email, role: Role.Admin } });
  return admin;
}

/** Local demo only: the password every demo user shares (README). Never used in production. */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoData {
  manager: User;
  talentManager: User;
  finance: User;
  brand: Brand;
  creators: Creator[];
  campaign: Campaign;
}

/** A small, realistic team, brand, roster and campaign, created once. */
export async function seedDemo(db: DataSource): Promise<DemoData> {
  return db.transaction(async (tx) => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const user = async (email: string, name: string, role: Role, managerId: string | null = null) =>
      (await tx.findOneBy(User, { email })) ?? tx.save(tx.create(User, { email, name, role, managerId, passwordHash }));

    const manager = await user('maya.manager@creatorops.local', 'Maya Menon', Role.Manager);
    const talentManager = await user('tara.talent@creatorops.local', 'Tara Thomas', Role.TalentManager, manager.id);
    const finance = await user('farhan.finance@creatorops.local', 'Farhan Qureshi', Role.Finance);

    const brand =
      (await tx.findOneBy(Brand, { name: 'GlowCo' })) ??
      (await tx.save(
        tx.create(Brand, {
          name: 'GlowCo',
          category: 'skincare',
          competitorCategories: ['cosmetics'],
          competitorBrands: ['ShineCorp'],
          guidelines: { mandatoryHashtags: ['#GlowWithGlowCo'], mandatoryMentions: ['@glowco'], prohibitedClaims: ['cures acne'] },
        }),
      ));

    const creator = async (handle: string, name: string, niches: string[], followers: number) =>
      (await tx.findOneBy(Creator, { handle })) ??
      tx.save(
        tx.create(Creator, {
          handle,
          name,
          ownerId: talentManager.id,
          niches,
          languages: ['en', 'hi'],
          country: 'IN',
          city: 'Mumbai',
          channels: [{ platform: Platform.Instagram, handle: `@${handle}`, followers, avgViews: Math.round(followers * 0.3), engagementRate: 0.042 }],
          audience: { age: { '18-24': 0.55, '25-34': 0.35, '35+': 0.1 }, gender: { female: 0.68, male: 0.32 }, countries: { IN: 0.85, AE: 0.15 } },
          baseRates: { reel: { amountMinor: 4_500_000, currency: 'INR' }, story: { amountMinor: 1_200_000, currency: 'INR' } },
          // A payout provider's token (never bank details), so demo payouts can be paid.
          payoutReference: `tok_demo${handle.replace(/[^A-Za-z0-9]/g, '')}`,
        }),
      );
    const creators = [
      await creator('asha.creates', 'Asha Rao', ['beauty', 'skincare'], 240_000),
      await creator('kabir.daily', 'Kabir Singh', ['lifestyle', 'grooming'], 410_000),
    ];

    const campaign =
      (await tx.findOneBy(Campaign, { name: 'Winter Glow (demo)' })) ??
      (await tx.save(
        tx.create(Campaign, {
          brandId: brand.id,
          name: 'Winter Glow (demo)',
          objective: 'Launch the winter moisturiser with creator reels',
          brief: { keyMessages: ['72-hour hydration'], disclosureRequirements: ['Paid partnership label'] },
          market: Market.India,
          budgetMinor: 150_000_000,
          currency: 'INR',
          startsOn: '2026-12-01',
          endsOn: '2027-01-31',
          ownerId: manager.id,
          // Short enough to watch a reminder and an escalation happen in the demo.
          slaOverrides: { briefAckReminder: '1m', briefAckEscalation: '2m' },
        }),
      ));
    return { manager, talentManager, finance, brand, creators, campaign };
  });
}
