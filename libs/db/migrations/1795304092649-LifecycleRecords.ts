import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Deliverables, draft submissions, contracts, exclusivity windows, payouts, performance snapshots and
 * targets. The database refuses self-approved payouts, duplicate payout idempotency keys, a second
 * +1d/+7d snapshot, inverted exclusivity windows and targets for both or neither of a user and a team.
 */
export class LifecycleRecords1795304092649 implements MigrationInterface {
    name = 'LifecycleRecords1795304092649'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collaborationId" uuid NOT NULL, "kind" character varying(30) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "frozenTerms" jsonb NOT NULL DEFAULT '{}', "documentHash" character(64), "creatorSignedAt" TIMESTAMP WITH TIME ZONE, "agencySignedAt" TIMESTAMP WITH TIME ZONE, "voidedAt" TIMESTAMP WITH TIME ZONE, "voidReason" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_contracts_document_hash" CHECK ("documentHash" IS NULL OR "documentHash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d7b20e0858a4fe69b565714bf3" ON "contracts" ("collaborationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_78fd0b9f9cbfc7869ca4d9f5e3" ON "contracts" ("status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_contracts_collaboration_kind_live" ON "contracts" ("collaborationId", "kind") WHERE "status" <> 'void'`);
        await queryRunner.query(`CREATE TABLE "deliverables" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collaborationId" uuid NOT NULL, "type" character varying(20) NOT NULL, "platform" character varying(20) NOT NULL, "draftDueAt" TIMESTAMP WITH TIME ZONE, "scheduledPostAt" TIMESTAMP WITH TIME ZONE, "status" character varying(20) NOT NULL DEFAULT 'planned', "revisionCount" integer NOT NULL DEFAULT '0', "maxRevisions" integer NOT NULL DEFAULT '2', "liveUrl" character varying(2048), "caption" text, "postedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_deliverables_revisions" CHECK ("revisionCount" >= 0 AND "maxRevisions" >= 0), CONSTRAINT "PK_13367f7b271fb2b95ccb18d78a3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c4893ba598fd14d06edc467daa" ON "deliverables" ("collaborationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_14cf2569c85c5860ace9590717" ON "deliverables" ("draftDueAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_47fe4db25639c6ef9256f3430f" ON "deliverables" ("scheduledPostAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_1f6b9088e6f4b418ab1718df08" ON "deliverables" ("status") `);
        await queryRunner.query(`CREATE TABLE "draft_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deliverableId" uuid NOT NULL, "version" integer NOT NULL, "assetUrl" character varying(2048) NOT NULL, "caption" text, "complianceResult" jsonb, "decision" character varying(20), "feedback" text, "reviewerId" uuid, "submittedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "reviewedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_draft_submissions_deliverable_version" UNIQUE ("deliverableId", "version"), CONSTRAINT "CHK_draft_submissions_decided_when_reviewed" CHECK (("decision" IS NULL) = ("reviewedAt" IS NULL)), CONSTRAINT "CHK_draft_submissions_version" CHECK ("version" >= 1), CONSTRAINT "PK_8daa839b492c567a7afa4e14eda" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a31437b7d6012df245344e7dba" ON "draft_submissions" ("deliverableId") `);
        await queryRunner.query(`CREATE INDEX "IDX_83ec9fd48847ddda7678140020" ON "draft_submissions" ("reviewerId") `);
        await queryRunner.query(`CREATE TABLE "exclusivity_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "creatorId" uuid NOT NULL, "category" character varying(100), "brandName" character varying(200), "startsOn" date NOT NULL, "endsOn" date NOT NULL, "sourceContractId" uuid, "releasedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_exclusivity_windows_scope" CHECK ("category" IS NOT NULL OR "brandName" IS NOT NULL), CONSTRAINT "CHK_exclusivity_windows_dates" CHECK ("endsOn" >= "startsOn"), CONSTRAINT "PK_dc2655d1f7314df6096d33a8277" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6f17425cda585c48582d11f2f8" ON "exclusivity_windows" ("sourceContractId") `);
        await queryRunner.query(`CREATE INDEX "IDX_exclusivity_windows_creator_dates" ON "exclusivity_windows" ("creatorId", "startsOn", "endsOn") `);
        await queryRunner.query(`CREATE TABLE "payouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collaborationId" uuid NOT NULL, "kind" character varying(10) NOT NULL DEFAULT 'fee', "amountMinor" bigint NOT NULL, "currency" character(3) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'requested', "invoiceNumber" character varying(60), "dueOn" date, "requestedById" uuid NOT NULL, "approvedById" uuid, "approvedAt" TIMESTAMP WITH TIME ZONE, "paidAt" TIMESTAMP WITH TIME ZONE, "providerReference" character varying(120), "idempotencyKey" character varying(200) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_payouts_segregation_of_duties" CHECK ("approvedById" IS NULL OR "approvedById" <> "requestedById"), CONSTRAINT "CHK_payouts_amount_positive" CHECK ("amountMinor" > 0), CONSTRAINT "PK_76855dc4f0a6c18c72eea302e87" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_35d6d6800c0c76ac55f4854bcb" ON "payouts" ("collaborationId") `);
        await queryRunner.query(`CREATE INDEX "IDX_3f32ee6d2385d9a8bc0cc92af5" ON "payouts" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_3b6135725520ed05a9e4af5660" ON "payouts" ("dueOn") `);
        await queryRunner.query(`CREATE INDEX "IDX_d8ae750c71d846a8ef21d0bc31" ON "payouts" ("requestedById") `);
        await queryRunner.query(`CREATE INDEX "IDX_54997daacd4a27409e4e823245" ON "payouts" ("approvedById") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e00c5017bb5cf2c5ac705d53a4" ON "payouts" ("idempotencyKey") `);
        await queryRunner.query(`CREATE TABLE "performance_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deliverableId" uuid NOT NULL, "capturedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "label" character varying(10) NOT NULL, "source" character varying(20) NOT NULL, "reach" integer, "views" integer, "likes" integer, "comments" integer, "shares" integer, "saves" integer, "clicks" integer, "orders" integer, "gmvMinor" bigint, "returnsMinor" bigint, "cancellationsMinor" bigint, "nmvMinor" bigint, "currency" character(3), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_performance_snapshots_currency" CHECK ("currency" IS NOT NULL OR ("gmvMinor" IS NULL AND "returnsMinor" IS NULL AND "cancellationsMinor" IS NULL AND "nmvMinor" IS NULL)), CONSTRAINT "PK_fe51f348099bb6a07df7816727b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_851e5bb3218baa86773750bed7" ON "performance_snapshots" ("deliverableId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_performance_snapshots_deliverable_timer_label" ON "performance_snapshots" ("deliverableId", "label") WHERE "label" <> 'manual'`);
        await queryRunner.query(`CREATE TABLE "targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid, "teamManagerId" uuid, "period" character varying(10) NOT NULL, "periodStart" date NOT NULL, "metric" character varying(40) NOT NULL, "valueNumeric" numeric NOT NULL, "currency" character(3), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_targets_money_currency" CHECK ("metric" NOT IN ('nmv', 'revenue') OR "currency" IS NOT NULL), CONSTRAINT "CHK_targets_period_start" CHECK (EXTRACT(DAY FROM "periodStart") = 1 AND ("period" = 'month' OR EXTRACT(MONTH FROM "periodStart") IN (1, 4, 7, 10))), CONSTRAINT "CHK_targets_user_or_team" CHECK (num_nonnulls("userId", "teamManagerId") = 1), CONSTRAINT "PK_87084f49e9de9dd6a3e83906584" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_targets_team_period_metric" ON "targets" ("teamManagerId", "period", "periodStart", "metric") WHERE "teamManagerId" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_targets_user_period_metric" ON "targets" ("userId", "period", "periodStart", "metric") WHERE "userId" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "FK_d7b20e0858a4fe69b565714bf3b" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deliverables" ADD CONSTRAINT "FK_c4893ba598fd14d06edc467daa1" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "draft_submissions" ADD CONSTRAINT "FK_a31437b7d6012df245344e7dba8" FOREIGN KEY ("deliverableId") REFERENCES "deliverables"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "draft_submissions" ADD CONSTRAINT "FK_83ec9fd48847ddda76781400207" FOREIGN KEY ("reviewerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" ADD CONSTRAINT "FK_d53db205f546e431293a3c18f3c" FOREIGN KEY ("creatorId") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" ADD CONSTRAINT "FK_6f17425cda585c48582d11f2f88" FOREIGN KEY ("sourceContractId") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payouts" ADD CONSTRAINT "FK_35d6d6800c0c76ac55f4854bcb3" FOREIGN KEY ("collaborationId") REFERENCES "collaborations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payouts" ADD CONSTRAINT "FK_d8ae750c71d846a8ef21d0bc314" FOREIGN KEY ("requestedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payouts" ADD CONSTRAINT "FK_54997daacd4a27409e4e8232451" FOREIGN KEY ("approvedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "performance_snapshots" ADD CONSTRAINT "FK_851e5bb3218baa86773750bed79" FOREIGN KEY ("deliverableId") REFERENCES "deliverables"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "FK_d569675f985cca6743121ee6c07" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "FK_45c764b15738ec7bb30b6fa7478" FOREIGN KEY ("teamManagerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_45c764b15738ec7bb30b6fa7478"`);
        await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_d569675f985cca6743121ee6c07"`);
        await queryRunner.query(`ALTER TABLE "performance_snapshots" DROP CONSTRAINT "FK_851e5bb3218baa86773750bed79"`);
        await queryRunner.query(`ALTER TABLE "payouts" DROP CONSTRAINT "FK_54997daacd4a27409e4e8232451"`);
        await queryRunner.query(`ALTER TABLE "payouts" DROP CONSTRAINT "FK_d8ae750c71d846a8ef21d0bc314"`);
        await queryRunner.query(`ALTER TABLE "payouts" DROP CONSTRAINT "FK_35d6d6800c0c76ac55f4854bcb3"`);
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" DROP CONSTRAINT "FK_6f17425cda585c48582d11f2f88"`);
        await queryRunner.query(`ALTER TABLE "exclusivity_windows" DROP CONSTRAINT "FK_d53db205f546e431293a3c18f3c"`);
        await queryRunner.query(`ALTER TABLE "draft_submissions" DROP CONSTRAINT "FK_83ec9fd48847ddda76781400207"`);
        await queryRunner.query(`ALTER TABLE "draft_submissions" DROP CONSTRAINT "FK_a31437b7d6012df245344e7dba8"`);
        await queryRunner.query(`ALTER TABLE "deliverables" DROP CONSTRAINT "FK_c4893ba598fd14d06edc467daa1"`);
        await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_d7b20e0858a4fe69b565714bf3b"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_targets_user_period_metric"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_targets_team_period_metric"`);
        await queryRunner.query(`DROP TABLE "targets"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_performance_snapshots_deliverable_timer_label"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_851e5bb3218baa86773750bed7"`);
        await queryRunner.query(`DROP TABLE "performance_snapshots"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e00c5017bb5cf2c5ac705d53a4"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_54997daacd4a27409e4e823245"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d8ae750c71d846a8ef21d0bc31"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3b6135725520ed05a9e4af5660"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3f32ee6d2385d9a8bc0cc92af5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_35d6d6800c0c76ac55f4854bcb"`);
        await queryRunner.query(`DROP TABLE "payouts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_exclusivity_windows_creator_dates"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6f17425cda585c48582d11f2f8"`);
        await queryRunner.query(`DROP TABLE "exclusivity_windows"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_83ec9fd48847ddda7678140020"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a31437b7d6012df245344e7dba"`);
        await queryRunner.query(`DROP TABLE "draft_submissions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1f6b9088e6f4b418ab1718df08"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_47fe4db25639c6ef9256f3430f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_14cf2569c85c5860ace9590717"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c4893ba598fd14d06edc467daa"`);
        await queryRunner.query(`DROP TABLE "deliverables"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_contracts_collaboration_kind_live"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_78fd0b9f9cbfc7869ca4d9f5e3"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d7b20e0858a4fe69b565714bf3"`);
        await queryRunner.query(`DROP TABLE "contracts"`);
    }

}
