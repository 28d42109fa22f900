CREATE TABLE "billing_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"personal_account_id" uuid NOT NULL,
	"period" text NOT NULL,
	"service" text NOT NULL,
	"zone" text DEFAULT 'single' NOT NULL,
	"kind" text DEFAULT 'charge' NOT NULL,
	"method" text NOT NULL,
	"quantity" numeric(16, 4),
	"unit" text,
	"rate" numeric(14, 4),
	"amount_kopecks" bigint NOT NULL,
	"explanation" text NOT NULL,
	"ground" text,
	"corrects_period" text
);
--> statement-breakpoint
CREATE TABLE "billing_norms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"house_id" uuid,
	"service" text NOT NULL,
	"zone" text DEFAULT 'single' NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"basis" text DEFAULT 'per_person' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_recalculations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"personal_account_id" uuid NOT NULL,
	"service" text NOT NULL,
	"corrects_period" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"ground" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"house_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"accounts_total" integer DEFAULT 0 NOT NULL,
	"accounts_done" integer DEFAULT 0 NOT NULL,
	"charged_kopecks" bigint DEFAULT 0 NOT NULL,
	"penalty_kopecks" bigint DEFAULT 0 NOT NULL,
	"job_id" text,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "billing_runs_house_period_key" UNIQUE("house_id","period")
);
--> statement-breakpoint
CREATE TABLE "billing_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"payee_name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"bank_name" text NOT NULL,
	"bik" text NOT NULL,
	"correspondent_account" text NOT NULL,
	"settlement_account" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"office_hours" text,
	"payment_due_day" integer DEFAULT 10 NOT NULL,
	"allocation" text DEFAULT 'oldest_first' NOT NULL,
	"average_base_months" integer DEFAULT 6 NOT NULL,
	"average_max_periods" integer DEFAULT 3 NOT NULL,
	"common_house_share" boolean DEFAULT false NOT NULL,
	"penalties" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"house_id" uuid,
	"service" text NOT NULL,
	"zone" text DEFAULT 'single' NOT NULL,
	"rate" numeric(14, 4) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_tariffs_rate" CHECK (rate >= 0),
	CONSTRAINT "billing_tariffs_dates" CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
--> statement-breakpoint
CREATE TABLE "billing_acquirer_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"provider_payment_id" text,
	"outcome" text NOT NULL,
	"payload" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_acquirer_events_key" UNIQUE("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "billing_epd_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"house_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"file_id" uuid,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "billing_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"personal_account_id" uuid NOT NULL,
	"entry_on" date NOT NULL,
	"period" text,
	"kind" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"service" text,
	"description" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"reverses_id" uuid,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_ledger_reverses_id_unique" UNIQUE("reverses_id")
);
--> statement-breakpoint
CREATE TABLE "billing_online_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"personal_account_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"period" text,
	"status" text DEFAULT 'created' NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text,
	"decline_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"receipt_number" text,
	"ledger_entry_id" uuid,
	CONSTRAINT "billing_online_payments_provider_payment_id_unique" UNIQUE("provider_payment_id"),
	CONSTRAINT "billing_online_payments_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "billing_online_payments_amount" CHECK (amount_kopecks > 0)
);
--> statement-breakpoint
CREATE TABLE "billing_registries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"encoding" text NOT NULL,
	"lines_count" integer NOT NULL,
	"payments_count" integer NOT NULL,
	"matched_count" integer NOT NULL,
	"unmatched_count" integer NOT NULL,
	"error_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"total_kopecks" bigint NOT NULL,
	"declared_total_kopecks" bigint,
	"totals_match" boolean,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_registries_file_key" UNIQUE("organisation_id","file_sha256")
);
--> statement-breakpoint
CREATE TABLE "billing_registry_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registry_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"raw" text NOT NULL,
	"line_identity" text,
	"status" text NOT NULL,
	"paid_on" date,
	"amount_kopecks" bigint,
	"fee_kopecks" bigint,
	"account_ref" text,
	"payer_name" text,
	"purpose" text,
	"personal_account_id" uuid,
	"ledger_entry_id" uuid,
	"problem" text,
	"matched_by" uuid,
	"matched_at" timestamp with time zone,
	CONSTRAINT "billing_registry_lines_identity_key" UNIQUE("organisation_id","line_identity")
);
--> statement-breakpoint
CREATE TABLE "sandbox_acquirer_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_order_id" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"description" text NOT NULL,
	"return_url" text NOT NULL,
	"callback_url" text NOT NULL,
	"status" text DEFAULT 'awaiting' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_run_id_billing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_personal_account_id_personal_accounts_id_fk" FOREIGN KEY ("personal_account_id") REFERENCES "public"."personal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_norms" ADD CONSTRAINT "billing_norms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_norms" ADD CONSTRAINT "billing_norms_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_recalculations" ADD CONSTRAINT "billing_recalculations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_recalculations" ADD CONSTRAINT "billing_recalculations_personal_account_id_personal_accounts_id_fk" FOREIGN KEY ("personal_account_id") REFERENCES "public"."personal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_recalculations" ADD CONSTRAINT "billing_recalculations_applied_run_id_billing_runs_id_fk" FOREIGN KEY ("applied_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_settings" ADD CONSTRAINT "billing_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_tariffs" ADD CONSTRAINT "billing_tariffs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_tariffs" ADD CONSTRAINT "billing_tariffs_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_epd_batches" ADD CONSTRAINT "billing_epd_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_epd_batches" ADD CONSTRAINT "billing_epd_batches_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_ledger" ADD CONSTRAINT "billing_ledger_personal_account_id_personal_accounts_id_fk" FOREIGN KEY ("personal_account_id") REFERENCES "public"."personal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_online_payments" ADD CONSTRAINT "billing_online_payments_personal_account_id_personal_accounts_id_fk" FOREIGN KEY ("personal_account_id") REFERENCES "public"."personal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_registries" ADD CONSTRAINT "billing_registries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_registry_lines" ADD CONSTRAINT "billing_registry_lines_registry_id_billing_registries_id_fk" FOREIGN KEY ("registry_id") REFERENCES "public"."billing_registries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_registry_lines" ADD CONSTRAINT "billing_registry_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_registry_lines" ADD CONSTRAINT "billing_registry_lines_personal_account_id_personal_accounts_id_fk" FOREIGN KEY ("personal_account_id") REFERENCES "public"."personal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_charges_run_idx" ON "billing_charges" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "billing_charges_account_idx" ON "billing_charges" USING btree ("personal_account_id","period");--> statement-breakpoint
CREATE INDEX "billing_norms_org_idx" ON "billing_norms" USING btree ("organisation_id","service");--> statement-breakpoint
CREATE INDEX "billing_recalculations_account_idx" ON "billing_recalculations" USING btree ("personal_account_id");--> statement-breakpoint
CREATE INDEX "billing_runs_org_idx" ON "billing_runs" USING btree ("organisation_id","period");--> statement-breakpoint
CREATE INDEX "billing_tariffs_org_idx" ON "billing_tariffs" USING btree ("organisation_id","service");--> statement-breakpoint
CREATE INDEX "billing_ledger_account_idx" ON "billing_ledger" USING btree ("personal_account_id","entry_on");--> statement-breakpoint
CREATE INDEX "billing_ledger_source_idx" ON "billing_ledger" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "billing_online_payments_account_idx" ON "billing_online_payments" USING btree ("personal_account_id");--> statement-breakpoint
CREATE INDEX "billing_registry_lines_registry_idx" ON "billing_registry_lines" USING btree ("registry_id","line_no");--> statement-breakpoint
CREATE INDEX "billing_registry_lines_status_idx" ON "billing_registry_lines" USING btree ("organisation_id","status");