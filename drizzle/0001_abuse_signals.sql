CREATE TYPE "public"."abuse_signal_kind" AS ENUM('rapid_signups', 'failed_checkouts', 'card_testing');--> statement-breakpoint
CREATE TABLE "abuse_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "abuse_signal_kind" NOT NULL,
	"ip_hash" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"threshold" integer NOT NULL,
	"window_seconds" integer NOT NULL,
	"enforced" boolean DEFAULT false NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "abuse_signals_dedupe_idx" ON "abuse_signals" USING btree ("kind","ip_hash","bucket_start");--> statement-breakpoint
CREATE INDEX "abuse_signals_last_seen_idx" ON "abuse_signals" USING btree ("last_seen_at");