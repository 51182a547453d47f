-- The key rows carry the campaign's words under each key and the columns discovery filters on that
-- offers do not change, so a walk refuses rows from the index alone (decision 018, eighth pass). The
-- table is derived: it is emptied here and written again from campaigns at the end.
TRUNCATE "campaign_search_keys";--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "words" tsvector;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "tiers" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "networks" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "compensation_type" text;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "amount" integer;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "application_deadline" date;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "countries" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "remote" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD COLUMN "languages" text[] NOT NULL;--> statement-breakpoint
-- The walk reads the key's rows from the primary key alone (an index-only scan): it INCLUDEs every
-- column the walk tests. A B-tree entry holds at most 2,704 bytes, so a key's words are kept only
-- up to 1 KB (a brief of many words with one start, up to 5,000 characters, would not fit): past
-- that the row has none and the walk reads the campaign for its words. The other columns are
-- bounded (at most 60 countries: about 500 bytes).
CREATE FUNCTION "campaign_search_key_words"(lexemes text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN pg_column_size(w) <= 1024 THEN w END FROM (SELECT array_to_tsvector(lexemes) AS w) v
$$;--> statement-breakpoint
ALTER TABLE "campaign_search_keys" DROP CONSTRAINT "campaign_search_keys_pkey";--> statement-breakpoint
ALTER TABLE "campaign_search_keys" ADD CONSTRAINT "campaign_search_keys_pkey" PRIMARY KEY ("key", "published_at", "campaign_id")
  INCLUDE ("words", "category", "tiers", "networks", "compensation_type", "amount", "application_deadline", "countries", "remote", "languages");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "campaign_search_keys_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
    DELETE FROM public.campaign_search_keys k
     WHERE k.key = ANY (ARRAY(SELECT DISTINCT left(l.lexeme, 3) FROM unnest(OLD.search_vector) l))
       AND k.published_at = OLD.published_at AND k.campaign_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
    INSERT INTO public.campaign_search_keys (key, published_at, campaign_id, words, category, tiers,
        networks, compensation_type, amount, application_deadline, countries, remote, languages)
    SELECT left(l.lexeme, 3), NEW.published_at, NEW.id, public.campaign_search_key_words(array_agg(l.lexeme)),
           NEW.category, NEW.tiers, NEW.networks, NEW.compensation_type, NEW.amount,
           NEW.application_deadline, NEW.countries, NEW.remote, NEW.languages
      FROM unnest(NEW.search_vector) l
     GROUP BY left(l.lexeme, 3);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER "campaigns_search_keys_changed" ON "campaigns";--> statement-breakpoint
CREATE TRIGGER "campaigns_search_keys_changed" AFTER UPDATE OF "status", "published_at", "search_text",
    "category", "tiers", "networks", "compensation_type", "amount", "application_deadline", "countries",
    "remote", "languages" ON "campaigns"
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
        OR OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.category IS DISTINCT FROM NEW.category
        OR OLD.tiers IS DISTINCT FROM NEW.tiers OR OLD.networks IS DISTINCT FROM NEW.networks
        OR OLD.compensation_type IS DISTINCT FROM NEW.compensation_type OR OLD.amount IS DISTINCT FROM NEW.amount
        OR OLD.application_deadline IS DISTINCT FROM NEW.application_deadline
        OR OLD.countries IS DISTINCT FROM NEW.countries OR OLD.remote IS DISTINCT FROM NEW.remote
        OR OLD.languages IS DISTINCT FROM NEW.languages)
  EXECUTE FUNCTION "campaign_search_keys_sync"();--> statement-breakpoint
INSERT INTO "campaign_search_keys" ("key", "published_at", "campaign_id", "words", "category", "tiers",
    "networks", "compensation_type", "amount", "application_deadline", "countries", "remote", "languages")
  SELECT left(l.lexeme, 3), c.published_at, c.id, campaign_search_key_words(array_agg(l.lexeme)),
         c.category, c.tiers, c.networks, c.compensation_type, c.amount, c.application_deadline,
         c.countries, c.remote, c.languages
  FROM "campaigns" c, unnest(c.search_vector) l
  WHERE c.status = 'published'
  GROUP BY left(l.lexeme, 3), c.id;
