CREATE TYPE "public"."upgrade_plan_category" AS ENUM('performance', 'reliability', 'i18n', 'ux', 'pricing', 'security');--> statement-breakpoint
CREATE TYPE "public"."upgrade_plan_risk" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."upgrade_plan_status" AS ENUM('open', 'in_progress', 'applied', 'archived');--> statement-breakpoint
CREATE TABLE "upgrade_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" "upgrade_plan_status" DEFAULT 'open' NOT NULL,
	"priority" smallint NOT NULL,
	"category" "upgrade_plan_category" NOT NULL,
	"risk" "upgrade_plan_risk" NOT NULL,
	"source" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"auto_applicable" boolean DEFAULT false NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_by" text,
	"status_note" text,
	CONSTRAINT "upgrade_plans_priority_range" CHECK ("upgrade_plans"."priority" between 1 and 5),
	CONSTRAINT "upgrade_plans_design_only" CHECK ("upgrade_plans"."auto_applicable" = false)
);
--> statement-breakpoint
ALTER TABLE "upgrade_plans" ADD CONSTRAINT "upgrade_plans_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "upgrade_plans_live_fingerprint_idx" ON "upgrade_plans" USING btree ("fingerprint") WHERE status in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "upgrade_plans_status_idx" ON "upgrade_plans" USING btree ("status","priority","last_seen_at");