CREATE TYPE "public"."usage_meter" AS ENUM('workflow_run', 'api_call', 'ai_credit');--> statement-breakpoint
ALTER TYPE "public"."run_status" ADD VALUE 'skipped';--> statement-breakpoint
CREATE TABLE "usage_counters" (
	"tenant_id" uuid NOT NULL,
	"meter" "usage_meter" NOT NULL,
	"period" date NOT NULL,
	"used" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_counters_tenant_id_meter_period_pk" PRIMARY KEY("tenant_id","meter","period")
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meter" "usage_meter" NOT NULL,
	"quantity" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"period" date NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_notices" (
	"tenant_id" uuid NOT NULL,
	"meter" "usage_meter" NOT NULL,
	"period" date NOT NULL,
	"threshold" integer NOT NULL,
	"used" bigint NOT NULL,
	"limit" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mail_state" text DEFAULT 'pending' NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "usage_notices_tenant_id_meter_period_threshold_pk" PRIMARY KEY("tenant_id","meter","period","threshold")
);
--> statement-breakpoint
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_notices" ADD CONSTRAINT "usage_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_events_key_idx" ON "usage_events" USING btree ("tenant_id","meter","idempotency_key");--> statement-breakpoint
CREATE INDEX "usage_events_tenant_time_idx" ON "usage_events" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_notices_mail_idx" ON "usage_notices" USING btree ("mail_state");--> statement-breakpoint
-- Usage so far moves onto the ledger: every AI request and every run already recorded.
INSERT INTO "usage_events" ("tenant_id", "meter", "quantity", "idempotency_key", "period", "occurred_at")
SELECT "tenant_id", 'ai_credit', "credits", 'ai:' || "id", date_trunc('month', "created_at" at time zone 'UTC')::date, "created_at" FROM "ai_usage"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "usage_events" ("tenant_id", "meter", "quantity", "idempotency_key", "period", "occurred_at")
SELECT "tenant_id", 'workflow_run', 1, 'run:' || "id", date_trunc('month', "queued_at" at time zone 'UTC')::date, "queued_at" FROM "workflow_runs"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "usage_counters" ("tenant_id", "meter", "period", "used")
SELECT "tenant_id", "meter", "period", sum("quantity") FROM "usage_events" GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
