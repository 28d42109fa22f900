CREATE TABLE "meter_period_locks" (
	"house_id" uuid NOT NULL,
	"period" text NOT NULL,
	"billing_run_id" uuid NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_period_locks_house_id_period_pk" PRIMARY KEY("house_id","period")
);
--> statement-breakpoint
CREATE TABLE "meter_reading_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"created_by_person_id" uuid,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_flagged" integer DEFAULT 0 NOT NULL,
	"rows_refused" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meter_id" uuid NOT NULL,
	"zone" text NOT NULL,
	"period" text NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"taken_on" date NOT NULL,
	"source" text NOT NULL,
	"submitted_by_person_id" uuid,
	"flag" text,
	"confirmed" text,
	"billable" boolean DEFAULT true NOT NULL,
	"not_billable_reason" text,
	"photo_file_id" uuid,
	"import_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_reminder_opt_outs" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_reminder_opt_outs_person_id_kind_pk" PRIMARY KEY("person_id","kind")
);
--> statement-breakpoint
CREATE TABLE "meter_reminders_sent" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_reminders_sent_person_id_kind_subject_pk" PRIMARY KEY("person_id","kind","subject")
);
--> statement-breakpoint
CREATE TABLE "meter_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"window_start_day" integer NOT NULL,
	"window_end_day" integer NOT NULL,
	"late_policy" text NOT NULL,
	"decrease_policy" text NOT NULL,
	"jump_factor" integer NOT NULL,
	"imbalance_tolerance_percent" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_settings_window_valid" CHECK (window_start_day BETWEEN 1 AND 31 AND window_end_day BETWEEN 1 AND 31
        AND window_start_day <= window_end_day)
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"house_id" uuid NOT NULL,
	"premise_id" uuid,
	"resource" text NOT NULL,
	"zones" integer DEFAULT 1 NOT NULL,
	"integer_digits" integer NOT NULL,
	"fraction_digits" integer NOT NULL,
	"serial_number" text NOT NULL,
	"model" text,
	"installed_on" date NOT NULL,
	"verified_on" date,
	"verification_interval_months" integer NOT NULL,
	"next_verification_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_on" date,
	"replaces_meter_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meters_zones_valid" CHECK (zones BETWEEN 1 AND 3),
	CONSTRAINT "meters_digits_valid" CHECK (integer_digits BETWEEN 1 AND 12 AND fraction_digits BETWEEN 0 AND 6)
);
--> statement-breakpoint
ALTER TABLE "meter_period_locks" ADD CONSTRAINT "meter_period_locks_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_reading_imports" ADD CONSTRAINT "meter_reading_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_reading_imports" ADD CONSTRAINT "meter_reading_imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_reading_imports" ADD CONSTRAINT "meter_reading_imports_created_by_person_id_persons_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_submitted_by_person_id_persons_id_fk" FOREIGN KEY ("submitted_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_photo_file_id_stored_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_reminder_opt_outs" ADD CONSTRAINT "meter_reminder_opt_outs_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_reminders_sent" ADD CONSTRAINT "meter_reminders_sent_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_settings" ADD CONSTRAINT "meter_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_premise_id_premises_id_fk" FOREIGN KEY ("premise_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meter_readings_regular_key" ON "meter_readings" USING btree ("meter_id","zone","period") WHERE kind = 'regular';--> statement-breakpoint
CREATE INDEX "meter_readings_meter_idx" ON "meter_readings" USING btree ("meter_id","zone","taken_on");--> statement-breakpoint
CREATE INDEX "meter_readings_period_idx" ON "meter_readings" USING btree ("period");--> statement-breakpoint
CREATE INDEX "meters_premise_idx" ON "meters" USING btree ("premise_id");--> statement-breakpoint
CREATE INDEX "meters_house_idx" ON "meters" USING btree ("house_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meters_active_serial_key" ON "meters" USING btree ("organisation_id","serial_number") WHERE status = 'active';