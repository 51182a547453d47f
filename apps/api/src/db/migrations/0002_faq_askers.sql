CREATE TABLE "faq_question_askers" (
	"id" text PRIMARY KEY NOT NULL,
	"question_id" text NOT NULL,
	"name" text,
	"email" text,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "faq_question_askers" ADD CONSTRAINT "faq_question_askers_question_id_faq_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."faq_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "faq_question_askers_email_key" ON "faq_question_askers" USING btree ("question_id",lower("email"));--> statement-breakpoint
CREATE INDEX "faq_question_askers_question_idx" ON "faq_question_askers" USING btree ("question_id","created_at");--> statement-breakpoint
-- Each existing question's contact becomes its first asker (the question id is reused as the asker id: one row per question).
INSERT INTO "faq_question_askers" ("id", "question_id", "name", "email", "locale", "created_at") SELECT "id", "id", "name", "email", "locale", "created_at" FROM "faq_questions";--> statement-breakpoint
ALTER TABLE "faq_questions" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "faq_questions" DROP COLUMN "email";