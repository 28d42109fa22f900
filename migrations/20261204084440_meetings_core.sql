CREATE TABLE "meeting_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"cast_as" text NOT NULL,
	"cast_by_user_id" uuid NOT NULL,
	"power_of_attorney_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"answers" jsonb NOT NULL,
	"scan_file_id" uuid,
	"sequence" integer NOT NULL,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient_organisation_id" uuid,
	"messages" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_protocols" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"form" text NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"drawn_up_on" date NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"proposal" text,
	"decision_kind" text NOT NULL,
	"majority" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_register_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"premise_id" uuid NOT NULL,
	"premise_number" text NOT NULL,
	"premise_kind" text NOT NULL,
	"area" numeric(10, 2) NOT NULL,
	"ownership_id" uuid,
	"owner_person_id" uuid,
	"owner_organisation_id" uuid,
	"owner_name" text,
	"share_numerator" integer,
	"share_denominator" integer,
	"title_document" text
);
--> statement-breakpoint
CREATE TABLE "meeting_signatures" (
	"meeting_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"document_hash" text,
	"challenge_id" uuid,
	"signed_at" timestamp with time zone,
	CONSTRAINT "meeting_signatures_meeting_id_user_id_role_pk" PRIMARY KEY("meeting_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"house_id" uuid NOT NULL,
	"form" text NOT NULL,
	"kind" text DEFAULT 'extraordinary' NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"materials" text,
	"initiator_organisation_id" uuid,
	"initiator_person_id" uuid,
	"administrator_user_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"notice_on" date NOT NULL,
	"voting_starts_on" date NOT NULL,
	"voting_ends_on" date NOT NULL,
	"paper_until_on" date NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"paper_closes_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"duplicate_rule" text DEFAULT 'first_received' NOT NULL,
	"catalogue_edition" date NOT NULL,
	"status" text DEFAULT 'announced' NOT NULL,
	"total_area" numeric(14, 2),
	"frozen_at" timestamp with time zone,
	"counted_at" timestamp with time zone,
	"results" jsonb,
	"chain_head" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_one_initiator" CHECK ((initiator_organisation_id IS NULL) <> (initiator_person_id IS NULL)),
	CONSTRAINT "meetings_voting_order" CHECK (voting_ends_on >= voting_starts_on)
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"poll_id" uuid NOT NULL,
	"ownership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"option" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_votes_poll_id_ownership_id_pk" PRIMARY KEY("poll_id","ownership_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"house_id" uuid NOT NULL,
	"organisation_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"question" text NOT NULL,
	"options" jsonb NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_entry_id_meeting_register_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."meeting_register_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_cast_by_user_id_users_id_fk" FOREIGN KEY ("cast_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_power_of_attorney_id_powers_of_attorney_id_fk" FOREIGN KEY ("power_of_attorney_id") REFERENCES "public"."powers_of_attorney"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_scan_file_id_stored_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dispatches" ADD CONSTRAINT "meeting_dispatches_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dispatches" ADD CONSTRAINT "meeting_dispatches_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_protocols" ADD CONSTRAINT "meeting_protocols_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_protocols" ADD CONSTRAINT "meeting_protocols_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_questions" ADD CONSTRAINT "meeting_questions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_register_entries" ADD CONSTRAINT "meeting_register_entries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_register_entries" ADD CONSTRAINT "meeting_register_entries_premise_id_premises_id_fk" FOREIGN KEY ("premise_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_register_entries" ADD CONSTRAINT "meeting_register_entries_ownership_id_ownerships_id_fk" FOREIGN KEY ("ownership_id") REFERENCES "public"."ownerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_register_entries" ADD CONSTRAINT "meeting_register_entries_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_register_entries" ADD CONSTRAINT "meeting_register_entries_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_signatures" ADD CONSTRAINT "meeting_signatures_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_signatures" ADD CONSTRAINT "meeting_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_initiator_organisation_id_organisations_id_fk" FOREIGN KEY ("initiator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_initiator_person_id_persons_id_fk" FOREIGN KEY ("initiator_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_administrator_user_id_users_id_fk" FOREIGN KEY ("administrator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_ownership_id_ownerships_id_fk" FOREIGN KEY ("ownership_id") REFERENCES "public"."ownerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_house_id_houses_id_fk" FOREIGN KEY ("house_id") REFERENCES "public"."houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_ballots_sequence_key" ON "meeting_ballots" USING btree ("meeting_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_ballots_hash_key" ON "meeting_ballots" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_ballots_entry_channel_key" ON "meeting_ballots" USING btree ("meeting_id","entry_id","channel");--> statement-breakpoint
CREATE INDEX "meeting_dispatches_meeting_idx" ON "meeting_dispatches" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_questions_position_key" ON "meeting_questions" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_register_meeting_idx" ON "meeting_register_entries" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_register_person_idx" ON "meeting_register_entries" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "meetings_house_idx" ON "meetings" USING btree ("house_id");