ALTER TABLE "campaigns" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "report_messages" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_client_key" ON "campaigns" USING btree ("owner_id","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "report_messages_client_key" ON "report_messages" USING btree ("report_id","author_id","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_client_key" ON "uploads" USING btree ("owner_id","client_key") WHERE client_key is not null;