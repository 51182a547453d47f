DROP INDEX "campaigns_search_idx";--> statement-breakpoint
CREATE INDEX "campaigns_search_networks_idx" ON "campaigns" USING gin ("search_vector","networks") WHERE status = 'published';