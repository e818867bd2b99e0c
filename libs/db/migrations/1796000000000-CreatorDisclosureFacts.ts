import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the compliance check needs to know about a creator (docs/compliance.md): a virtual
 * influencer, and the qualifications a health or finance creator must show. Existing creators are
 * people without recorded qualifications.
 */
export class CreatorDisclosureFacts1796000000000 implements MigrationInterface {
    name = 'CreatorDisclosureFacts1796000000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "creators" ADD "isVirtual" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "creators" ADD "qualifications" text array NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "creators" DROP COLUMN "qualifications"`);
        await queryRunner.query(`ALTER TABLE "creators" DROP COLUMN "isVirtual"`);
    }
}
