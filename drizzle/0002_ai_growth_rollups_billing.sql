CREATE TYPE "public"."discount_suggestion_status" AS ENUM('suggested', 'applied', 'dismissed');--> statement-breakpoint
CREATE TABLE "discount_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"rule" text NOT NULL,
	"source" text DEFAULT '*' NOT NULL,
	"percent_off" integer NOT NULL,
	"duration_months" integer DEFAULT 1 NOT NULL,
	"reason" jsonb NOT NULL,
	"status" "discount_suggestion_status" DEFAULT 'suggested' NOT NULL,
	"stripe_coupon_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "growth_cohort_rollups" (
	"cohort_week" date NOT NULL,
	"week_offset" integer NOT NULL,
	"cohort_size" integer NOT NULL,
	"retained" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_cohort_rollups_cohort_week_week_offset_pk" PRIMARY KEY("cohort_week","week_offset")
);
--> statement-breakpoint
CREATE TABLE "growth_daily_rollups" (
	"day" date NOT NULL,
	"source" text NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"signups" integer DEFAULT 0 NOT NULL,
	"trials" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	"churns" integer DEFAULT 0 NOT NULL,
	"revenue_pence" bigint DEFAULT 0 NOT NULL,
	"dau" integer DEFAULT 0 NOT NULL,
	"wau" integer DEFAULT 0 NOT NULL,
	"mau" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_daily_rollups_day_source_pk" PRIMARY KEY("day","source")
);
--> statement-breakpoint
CREATE TABLE "ai_usage" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" text,
	"capability" text NOT NULL,
	"provider" text NOT NULL,
	"model" text,
	"credits" integer NOT NULL,
	"query_length" integer DEFAULT 0 NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "stripe_customer_id" text;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD CONSTRAINT "ai_usage_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD CONSTRAINT "ai_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "discount_suggestions_once_idx" ON "discount_suggestions" USING btree ("day","rule","source");--> statement-breakpoint
CREATE INDEX "ai_usage_tenant_time_idx" ON "ai_usage" USING btree ("tenant_id","created_at");--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_stripeCustomerId_unique" UNIQUE("stripe_customer_id");