CREATE TABLE "entrances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"house_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"floors" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "entrances_house_number_key" UNIQUE("house_id","number")
);
--> statement-breakpoint
CREATE TABLE "personal_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"local_number" text,
	"premise_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"payer_person_id" uuid,
	"payer_organisation_id" uuid,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_accounts_number_unique" UNIQUE("number"),
	CONSTRAINT "personal_accounts_one_payer" CHECK ((payer_person_id IS NULL) <> (payer_organisation_id IS NULL)),
	CONSTRAINT "personal_accounts_dates" CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
--> statement-breakpoint
CREATE TABLE "management_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"house_id" uuid NOT NULL,
	"number" text,
	"signed_on" date,
	"started_on" date NOT NULL,
	"ended_on" date,
	"ended_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_contracts_dates" CHECK (ended_on IS NULL OR ended_on >= started_on)
);
--> statement-breakpoint
CREATE TABLE "registry_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cadastral_number" text NOT NULL,
	"address" text NOT NULL,
	"house_id" uuid,
	"premise_number" text,
	"kind" text NOT NULL,
	"area" numeric(10, 2) NOT NULL,
	"import_run_id" uuid,
	"extracted_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_objects_cadastral_number_unique" UNIQUE("cadastral_number")
);
--> statement-breakpoint
CREATE TABLE "registry_rights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_name_key" text NOT NULL,
	"owner_inn" text,
	"owner_snils_digest" text,
	"share_numerator" integer NOT NULL,
	"share_denominator" integer NOT NULL,
	"registration_number" text NOT NULL,
	"registered_on" date NOT NULL,
	CONSTRAINT "registry_rights_share_valid" CHECK (share_numerator > 0 AND share_numerator <= share_denominator)
);
--> statement-breakpoint
CREATE TABLE "property_claim_files" (
	"claim_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "property_claim_files_claim_id_file_id_pk" PRIMARY KEY("claim_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "property_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"house_id" uuid NOT NULL,
	"premise_number" text NOT NULL,
	"premise_kind" text NOT NULL,
	"cadastral_number" text NOT NULL,
	"area" numeric(10, 2) NOT NULL,
	"share_numerator" integer NOT NULL,
	"share_denominator" integer NOT NULL,
	"title_kind" text NOT NULL,
	"title_number" text,
	"title_date" date,
	"status" text NOT NULL,
	"mismatches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"registry_snapshot" jsonb,
	"routed_organisation_id" uuid,
	"premise_id" uuid,
	"ownership_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_claims_share_valid" CHECK (share_numerator > 0 AND share_numerator <= share_denominator)
);
--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "file_id" uuid;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "started_by" uuid;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ownerships" ADD COLUMN "ended_reason" text;--> statement-breakpoint
ALTER TABLE "ownerships" ADD COLUMN "right_number" text;--> statement-breakpoint
ALTER TABLE "ownerships" ADD COLUMN "right_registered_on" date;--> statement-breakpoint
ALTER TABLE "ownerships" ADD COLUMN "source" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "ownerships" ADD COLUMN "claim_id" uuid;--> statement-breakpoint
ALTER TABLE "ownerships" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "entrances" ADD CONSTRAINT "entrances_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_accounts" ADD CONSTRAINT "personal_accounts_premise_id_premises_id_fk" FOREIGN KEY ("premise_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_accounts" ADD CONSTRAINT "personal_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_accounts" ADD CONSTRAINT "personal_accounts_payer_person_id_persons_id_fk" FOREIGN KEY ("payer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_accounts" ADD CONSTRAINT "personal_accounts_payer_organisation_id_organisations_id_fk" FOREIGN KEY ("payer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_contracts" ADD CONSTRAINT "management_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_contracts" ADD CONSTRAINT "management_contracts_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_objects" ADD CONSTRAINT "registry_objects_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_objects" ADD CONSTRAINT "registry_objects_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_rights" ADD CONSTRAINT "registry_rights_object_id_registry_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."registry_objects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claim_files" ADD CONSTRAINT "property_claim_files_claim_id_property_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."property_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claim_files" ADD CONSTRAINT "property_claim_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_routed_organisation_id_organisations_id_fk" FOREIGN KEY ("routed_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_premise_id_premises_id_fk" FOREIGN KEY ("premise_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_ownership_id_ownerships_id_fk" FOREIGN KEY ("ownership_id") REFERENCES "public"."ownerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_claims" ADD CONSTRAINT "property_claims_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_accounts_premise_idx" ON "personal_accounts" USING btree ("premise_id");--> statement-breakpoint
CREATE INDEX "personal_accounts_payer_idx" ON "personal_accounts" USING btree ("payer_person_id");--> statement-breakpoint
CREATE INDEX "personal_accounts_organisation_idx" ON "personal_accounts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "management_contracts_house_idx" ON "management_contracts" USING btree ("house_id");--> statement-breakpoint
CREATE INDEX "management_contracts_organisation_idx" ON "management_contracts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "registry_objects_house_idx" ON "registry_objects" USING btree ("house_id");--> statement-breakpoint
CREATE INDEX "registry_rights_object_idx" ON "registry_rights" USING btree ("object_id");--> statement-breakpoint
CREATE INDEX "property_claims_person_idx" ON "property_claims" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "property_claims_queue_idx" ON "property_claims" USING btree ("routed_organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "property_claims_live_key" ON "property_claims" USING btree ("person_id","cadastral_number") WHERE status IN ('confirmed', 'conflict', 'approved');--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ownerships_person_idx" ON "ownerships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "premises_cadastral_idx" ON "premises" USING btree ("cadastral_number");