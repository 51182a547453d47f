DROP INDEX "messages_conversation_idx";--> statement-breakpoint
CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id","seq" DESC NULLS FIRST);