ALTER TYPE "public"."tenant_status" ADD VALUE 'soft_deleted';--> statement-breakpoint
CREATE TABLE "tenant_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" text,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tenant_transitions_tenant_idx" ON "tenant_transitions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "tenant_transitions_created_idx" ON "tenant_transitions" USING btree ("created_at");