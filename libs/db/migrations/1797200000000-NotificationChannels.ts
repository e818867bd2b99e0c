import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification channels beyond e-mail: team webhooks (libs/domain/entities/webhook.entity.ts),
 * which webhook a delivery went to, and each user's notification preferences.
 */
export class NotificationChannels1797200000000 implements MigrationInterface {
    name = 'NotificationChannels1797200000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "url" character varying(2000) NOT NULL, "teamLeadId" uuid NOT NULL, "secretSealed" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "createdById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_webhooks" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_webhooks_team_lead" ON "webhooks" ("teamLeadId")`);
        await queryRunner.query(`ALTER TABLE "webhooks" ADD CONSTRAINT "FK_webhooks_team_lead" FOREIGN KEY ("teamLeadId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deliveries" ADD "webhookId" uuid`);
        await queryRunner.query(`CREATE INDEX "IDX_deliveries_webhook" ON "deliveries" ("webhookId")`);
        await queryRunner.query(`ALTER TABLE "users" ADD "notificationPreferences" jsonb NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "notificationPreferences"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_deliveries_webhook"`);
        await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "webhookId"`);
        await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "FK_webhooks_team_lead"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_webhooks_team_lead"`);
        await queryRunner.query(`DROP TABLE "webhooks"`);
    }
}
