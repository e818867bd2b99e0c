import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries of notifications over a channel (libs/domain/entities/delivery.entity.ts): e-mail first. */
export class Deliveries1796800000000 implements MigrationInterface {
    name = 'Deliveries1796800000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventKey" character varying(200) NOT NULL, "notificationId" uuid NOT NULL, "channel" character varying(20) NOT NULL, "recipient" character varying(320) NOT NULL, "status" character varying(10) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "lastError" text, "messageId" character varying(200), "sentAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_deliveries" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_deliveries_notification" ON "deliveries" ("notificationId")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_deliveries_channel_event_key" ON "deliveries" ("channel", "eventKey")`);
        await queryRunner.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "FK_deliveries_notification" FOREIGN KEY ("notificationId") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_deliveries_notification"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_deliveries_channel_event_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_deliveries_notification"`);
        await queryRunner.query(`DROP TABLE "deliveries"`);
    }
}
