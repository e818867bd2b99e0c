import { MigrationInterface, QueryRunner } from "typeorm";

/** Users, creators, brands, campaigns, collaborations, escalations, notifications, audit log, panel sessions. */
export class Foundation1795301580294 implements MigrationInterface {
    name = 'Foundation1795301580294'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actorId" uuid, "actorRole" character varying(32), "action" character varying(80) NOT NULL, "entity" character varying(40) NOT NULL, "entityId" character varying(64) NOT NULL, "before" jsonb, "after" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "eventKey" character varying(200), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cb6aa6f6fd56f08eafb6031622" ON "audit_log" ("actorId") `);
        await queryRunner.query(`CREATE INDEX "IDX_b7fb5009bdbeb7bf0393975335" ON "audit_log" ("entity") `);
        await queryRunner.query(`CREATE INDEX "IDX_7a09a92c169c7e52e7920f07c8" ON "audit_log" ("entityId") `);
        await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9e276214cb26ce7add68fffdbc" ON "audit_log" ("eventKey") WHERE "eventKey" IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "brands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "category" character varying(100) NOT NULL, "competitorCategories" text array NOT NULL DEFAULT '{}', "competitorBrands" text array NOT NULL DEFAULT '{}', "guidelines" jsonb NOT NULL DEFAULT '{}', "contacts" jsonb NOT NULL DEFAULT '[]', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0c437120b624da1034a81fc561" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_96db6bbbaa6f23cad26871339b" ON "brands" ("name") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "passwordHash" character varying(255) NOT NULL, "managerId" uuid, "active" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
        await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "brandId" uuid NOT NULL, "name" character varying(200) NOT NULL, "objective" text, "brief" jsonb NOT NULL DEFAULT '{}', "targetAudience" jsonb NOT NULL DEFAULT '{}', "market" character varying(2) NOT NULL DEFAULT 'IN', "budgetMinor" bigint NOT NULL, "currency" character(3) NOT NULL, "startsOn" date NOT NULL, "endsOn" date NOT NULL, "marginFloorBps" integer NOT NULL DEFAULT '2000', "slaOverrides" jsonb NOT NULL DEFAULT '{}', "ownerId" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'active', "workflowId" character varying(100), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_bcb94974e9817591fbf1b89739" ON "campaigns" ("brandId") `);
        await queryRunner.query(`CREATE INDEX "IDX_90d64375279aec38e309f12ff7" ON "campaigns" ("ownerId") `);
        await queryRunner.query(`CREATE TABLE "creators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "handle" character varying(100) NOT NULL, "contactEmail" character varying(254), "contactPhone" character varying(40), "ownerId" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'active', "niches" text array NOT NULL DEFAULT '{}', "contentStyle" character varying(200), "languages" text array NOT NULL DEFAULT '{}', "country" character varying(2), "city" character varying(100), "channels" jsonb NOT NULL DEFAULT '[]', "audience" jsonb NOT NULL DEFAULT '{}', "baseRates" jsonb NOT NULL DEFAULT '{}', "preferences" jsonb NOT NULL DEFAULT '{}', "availabilityBlocks" jsonb NOT NULL DEFAULT '[]', "payoutReference" character varying(120), "satisfactionScore" numeric(3,1), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b27dd693f7df17bbfc21f00166a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_dec6d0c8c47e2c4540654bf919" ON "creators" ("handle") `);
        await queryRunner.query(`CREATE INDEX "IDX_05d03c41506b2c21d01cfa93d7" ON "creators" ("ownerId") `);
        await queryRunner.query(`CREATE TABLE "collaborations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaignId" uuid NOT NULL, "creatorId" uuid NOT NULL, "talentManagerId" uuid NOT NULL, "stage" character varying(20) NOT NULL DEFAULT 'BRIEFED', "brandPriceMinor" bigint, "creatorFeeMinor" bigint, "currency" character(3) NOT NULL, "marginBps" integer, "usageRights" jsonb NOT NULL DEFAULT '{}', "exclusivity" jsonb, "paymentTerms" jsonb NOT NULL DEFAULT '{"netDays":30}', "workflowId" character varying(100), "deadlines" jsonb NOT NULL DEFAULT '{}', "briefAcknowledgedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_collaborations_campaign_creator" UNIQUE ("campaignId", "creatorId"), CONSTRAINT "PK_6d843532637cb55b078793e6811" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4a2d5e7aa9cdc208834ec2cf2d" ON "collaborations" ("campaignId") `);
        await queryRunner.query(`CREATE INDEX "IDX_ef0269846c0578262b4ab0c377" ON "collaborations" ("creatorId") `);
        await queryRunner.query(`CREATE INDEX "IDX_b96d98fb8eb2eeed84c3f6dcad" ON "collaborations" ("talentManagerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_26284834185e72d5fa59df5875" ON "collaborations" ("stage") `);
        await queryRunner.query(`CREATE TABLE "escalations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collaborationId" uuid, "campaignId" uuid, "kind" character varying(40) NOT NULL, "severity" character varying(10) NOT NULL, "raisedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "assigneeId" uuid, "status" character varying(20) NOT NULL DEFAULT 'open', "resolution" text, "resolvedById" uuid, "resolvedAt" TIMESTAMP WITH TIME ZONE, "summary" text NOT NULL, "eventKey" character varying(200) NOT NULL, CONSTRAINT "PK_652a394609addaa4b0f2b3032a1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6a677c46aa28bab5d6bbb53d5f" ON "escalations" ("collaborationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_415271f1a0c9d4640dc70b132a" ON "escalations" ("campaignId") `);
        await queryRunner.query(`CREATE INDEX "IDX_9138a92a5edb04856f72e48c11" ON "escalations" ("assigneeId") `);
        await queryRunner.query(`CREATE INDEX "IDX_41509ac9c7a92ff62564adb401" ON "escalations" ("status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_264b2de3b1bf6486d35955bfdd" ON "escalations" ("eventKey") `);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "collaborationId" uuid, "kind" character varying(60) NOT NULL, "message" text NOT NULL, "eventKey" character varying(200) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "readAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_db873ba9a123711a4bff527ccd" ON "notifications" ("recipientId") `);
        await queryRunner.query(`CREATE INDEX "IDX_8c992d56cb0ad509f6aab1d364" ON "notifications" ("collaborationId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b0a45493af7d9873175eee482b" ON "notifications" ("eventKey") `);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_874662e039ab7d31a71450eb501" FOREIGN KEY ("managerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_bcb94974e9817591fbf1b89739d" FOREIGN KEY ("brandId") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_90d64375279aec38e309f12ff78" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "creators" ADD CONSTRAINT "FK_05d03c41506b2c21d01cfa93d7a" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "collaborations" ADD CONSTRAINT "FK_4a2d5e7aa9cdc208834ec2cf2dc" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "collaborations" ADD CONSTRAINT "FK_ef0269846c0578262b4ab0c3771" FOREIGN KEY ("creatorId") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "collaborations" ADD CONSTRAINT "FK_b96d98fb8eb2eeed84c3f6dcade" FOREIGN KEY ("talentManagerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "escalations" ADD CONSTRAINT "FK_6a677c46aa28bab5d6bbb53d5f8" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "escalations" ADD CONSTRAINT "FK_415271f1a0c9d4640dc70b132a5" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "escalations" ADD CONSTRAINT "FK_9138a92a5edb04856f72e48c112" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_db873ba9a123711a4bff527ccd5" FOREIGN KEY ("recipientId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // The audit log is append-only in the database itself, not only by convention.
        await queryRunner.query(`CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP; END $$`);
        await queryRunner.query(`CREATE TRIGGER "TRG_audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
        await queryRunner.query(`CREATE TRIGGER "TRG_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
        // Back-office sessions (connect-pg-simple's schema), so a restart does not log everyone out.
        await queryRunner.query(`CREATE TABLE "admin_session" ("sid" character varying NOT NULL, "sess" json NOT NULL, "expire" TIMESTAMP(6) NOT NULL, CONSTRAINT "PK_admin_session" PRIMARY KEY ("sid"))`);
        await queryRunner.query(`CREATE INDEX "IDX_admin_session_expire" ON "admin_session" ("expire")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "admin_session"`);
        await queryRunner.query(`DROP TRIGGER "TRG_audit_log_no_truncate" ON "audit_log"`);
        await queryRunner.query(`DROP TRIGGER "TRG_audit_log_append_only" ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_db873ba9a123711a4bff527ccd5"`);
        await queryRunner.query(`ALTER TABLE "escalations" DROP CONSTRAINT "FK_9138a92a5edb04856f72e48c112"`);
        await queryRunner.query(`ALTER TABLE "escalations" DROP CONSTRAINT "FK_415271f1a0c9d4640dc70b132a5"`);
        await queryRunner.query(`ALTER TABLE "escalations" DROP CONSTRAINT "FK_6a677c46aa28bab5d6bbb53d5f8"`);
        await queryRunner.query(`ALTER TABLE "collaborations" DROP CONSTRAINT "FK_b96d98fb8eb2eeed84c3f6dcade"`);
        await queryRunner.query(`ALTER TABLE "collaborations" DROP CONSTRAINT "FK_ef0269846c0578262b4ab0c3771"`);
        await queryRunner.query(`ALTER TABLE "collaborations" DROP CONSTRAINT "FK_4a2d5e7aa9cdc208834ec2cf2dc"`);
        await queryRunner.query(`ALTER TABLE "creators" DROP CONSTRAINT "FK_05d03c41506b2c21d01cfa93d7a"`);
        await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_90d64375279aec38e309f12ff78"`);
        await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_bcb94974e9817591fbf1b89739d"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_874662e039ab7d31a71450eb501"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b0a45493af7d9873175eee482b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8c992d56cb0ad509f6aab1d364"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_db873ba9a123711a4bff527ccd"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_264b2de3b1bf6486d35955bfdd"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_41509ac9c7a92ff62564adb401"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9138a92a5edb04856f72e48c11"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_415271f1a0c9d4640dc70b132a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6a677c46aa28bab5d6bbb53d5f"`);
        await queryRunner.query(`DROP TABLE "escalations"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_26284834185e72d5fa59df5875"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b96d98fb8eb2eeed84c3f6dcad"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ef0269846c0578262b4ab0c377"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4a2d5e7aa9cdc208834ec2cf2d"`);
        await queryRunner.query(`DROP TABLE "collaborations"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_05d03c41506b2c21d01cfa93d7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dec6d0c8c47e2c4540654bf919"`);
        await queryRunner.query(`DROP TABLE "creators"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_90d64375279aec38e309f12ff7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bcb94974e9817591fbf1b89739"`);
        await queryRunner.query(`DROP TABLE "campaigns"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_96db6bbbaa6f23cad26871339b"`);
        await queryRunner.query(`DROP TABLE "brands"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9e276214cb26ce7add68fffdbc"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7a09a92c169c7e52e7920f07c8"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b7fb5009bdbeb7bf0393975335"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cb6aa6f6fd56f08eafb6031622"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
