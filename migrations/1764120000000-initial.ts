import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, users, the plan's programs and years, sessions, people, enrolments, questions, tests and attempts. */
export class Initial1764120000000 implements MigrationInterface {
  name = 'Initial1764120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "programs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "audience" text NOT NULL, "owner_unit" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d43c664bcaafc0e8a06dfd34e05" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_981f08420c68ba9b6713791c5d" ON "programs" ("organization_id", "code")`);
    await queryRunner.query(`CREATE TABLE "training_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "program_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue" text NOT NULL, "capacity" integer NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "join_code" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6678399f77ed9db5176459befa9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b364e93852fbc63139cf5489f" ON "training_sessions" ("join_code")`);
    await queryRunner.query(`CREATE INDEX "IDX_ba3d39d636529b629662e3c539" ON "training_sessions" ("organization_id", "program_id", "fiscal_year")`);
    await queryRunner.query(`CREATE TABLE "assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "session_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "question_ids" jsonb NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_15a2f28059f1d0e8454a82e225" ON "assessments" ("organization_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5aaacf39cc43987edbd68f922d" ON "assessments" ("session_id", "kind")`);
    await queryRunner.query(`CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "full_name" text NOT NULL, "person_group" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cf52f7332103f758b27bd99c5e" ON "people" ("organization_id")`);
    await queryRunner.query(`CREATE TABLE "enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" text NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "device_token_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4aea660a2e744284b4f5040b40" ON "enrolments" ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_a4fc25ab2aa3cbb959aa601a01" ON "enrolments" ("person_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7b80b91753f3ee3f01e8df5eba" ON "enrolments" ("device_token_hash")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3e3caadaed753a166aea833c48" ON "enrolments" ("session_id", "person_id")`);
    await queryRunner.query(`CREATE TABLE "attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}'::jsonb, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "score" numeric(8,2), "max_score" numeric(8,2), "percent" numeric(5,2), CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1864f5afe9a1202c9938475084" ON "attempts" ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_2005839c6806eb1f5b9e7e8186" ON "attempts" ("enrolment_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_29c52745ffbd8b21fa76891f5e" ON "attempts" ("assessment_id", "enrolment_id")`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_21a659804ed7bf61eb91688dea" ON "users" ("organization_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")`);
    await queryRunner.query(`CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_50ccaa6440288a06f0ba693ccc" ON "auth_sessions" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fc7c8b01bebb6839399c494d68" ON "auth_sessions" ("token_hash")`);
    await queryRunner.query(`CREATE TABLE "program_years" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "program_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "target_headcount" integer NOT NULL, "sessions_required" integer NOT NULL, "budget_baht" numeric(14,2) NOT NULL, "pass_mark_percent" numeric(5,2) NOT NULL, "target_pass_rate_percent" numeric(5,2) NOT NULL, "indicator_basis" text NOT NULL DEFAULT 'pass_rate', CONSTRAINT "PK_036d46d8637691850a555af273f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_35a552b8f893bf48539b6e0b1c" ON "program_years" ("organization_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_17d89604f5ef334295030dd8da" ON "program_years" ("program_id", "fiscal_year")`);
    await queryRunner.query(`CREATE TABLE "questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "program_id" uuid NOT NULL, "topic" text NOT NULL, "type" text NOT NULL, "stem" text NOT NULL, "options" jsonb NOT NULL, "correct_option_ids" jsonb NOT NULL, "explanation" text NOT NULL, "points" integer NOT NULL DEFAULT '1', "version" integer NOT NULL DEFAULT '1', "position" integer NOT NULL DEFAULT '0', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d8496df02ca5d127ac3d76136e" ON "questions" ("organization_id", "program_id")`);
    await queryRunner.query(`ALTER TABLE "programs" ADD CONSTRAINT "FK_c5834d3b3137f015ea45906474c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_sessions" ADD CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD CONSTRAINT "FK_595c43c57364ca8b5b337d2db98" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_47e6f1c9dc1519e4335fad6ba5b" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_a4fc25ab2aa3cbb959aa601a017" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_e231261ac036b254e5f72323fea" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_2005839c6806eb1f5b9e7e81868" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_years" ADD CONSTRAINT "FK_63bdcb645a8f2ecffd73a93dec2" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questions" ADD CONSTRAINT "FK_506a30361cda061c1edec57855b" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "FK_506a30361cda061c1edec57855b"`);
    await queryRunner.query(`ALTER TABLE "program_years" DROP CONSTRAINT "FK_63bdcb645a8f2ecffd73a93dec2"`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_2005839c6806eb1f5b9e7e81868"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_e231261ac036b254e5f72323fea"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_a4fc25ab2aa3cbb959aa601a017"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_47e6f1c9dc1519e4335fad6ba5b"`);
    await queryRunner.query(`ALTER TABLE "assessments" DROP CONSTRAINT "FK_595c43c57364ca8b5b337d2db98"`);
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP CONSTRAINT "FK_c5834d3b3137f015ea45906474c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d8496df02ca5d127ac3d76136e"`);
    await queryRunner.query(`DROP TABLE "questions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17d89604f5ef334295030dd8da"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35a552b8f893bf48539b6e0b1c"`);
    await queryRunner.query(`DROP TABLE "program_years"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc7c8b01bebb6839399c494d68"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_50ccaa6440288a06f0ba693ccc"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21a659804ed7bf61eb91688dea"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29c52745ffbd8b21fa76891f5e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2005839c6806eb1f5b9e7e8186"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1864f5afe9a1202c9938475084"`);
    await queryRunner.query(`DROP TABLE "attempts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e3caadaed753a166aea833c48"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b80b91753f3ee3f01e8df5eba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4fc25ab2aa3cbb959aa601a01"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4aea660a2e744284b4f5040b40"`);
    await queryRunner.query(`DROP TABLE "enrolments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cf52f7332103f758b27bd99c5e"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5aaacf39cc43987edbd68f922d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15a2f28059f1d0e8454a82e225"`);
    await queryRunner.query(`DROP TABLE "assessments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba3d39d636529b629662e3c539"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b364e93852fbc63139cf5489f"`);
    await queryRunner.query(`DROP TABLE "training_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_981f08420c68ba9b6713791c5d"`);
    await queryRunner.query(`DROP TABLE "programs"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
  }
}
