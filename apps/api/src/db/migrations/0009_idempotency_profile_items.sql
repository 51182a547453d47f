ALTER TABLE "insights" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "insights_client_key" ON "insights" USING btree ("user_id","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_items_client_key" ON "portfolio_items" USING btree ("user_id","client_key") WHERE client_key is not null;