import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface BrandGuidelines {
  mandatoryHashtags?: string[];
  mandatoryMentions?: string[];
  prohibitedClaims?: string[];
}

export interface BrandContact {
  name: string;
  email?: string;
  role?: string;
}

@Entity({ name: 'brands' })
export class Brand extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  category: string;

  @Column({ type: 'text', array: true, default: '{}' })
  competitorCategories: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  competitorBrands: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  guidelines: BrandGuidelines;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: BrandContact[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
