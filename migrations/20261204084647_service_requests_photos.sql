ALTER TABLE "service_request_photos" DROP CONSTRAINT "service_request_photos_request_id_file_id_pk";--> statement-breakpoint
ALTER TABLE "service_request_photos" ADD PRIMARY KEY ("file_id");--> statement-breakpoint
ALTER TABLE "service_request_photos" ALTER COLUMN "request_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "service_request_photos" ALTER COLUMN "added_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "service_request_photos" ADD COLUMN "width" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "service_request_photos" ADD COLUMN "height" integer NOT NULL;--> statement-breakpoint
CREATE INDEX "service_request_photos_request_idx" ON "service_request_photos" USING btree ("request_id");