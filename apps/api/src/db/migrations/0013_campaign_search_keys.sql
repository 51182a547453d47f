CREATE TABLE "campaign_search_keys" (
	"key" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"campaign_id" text NOT NULL,
	CONSTRAINT "campaign_search_keys_pkey" PRIMARY KEY("key","published_at","campaign_id")
);
--> statement-breakpoint
COMMENT ON TABLE "campaign_search_keys" IS 'derived: written by the trigger on campaigns, so the export leaves it out and an import writes it again (ops/catalog.ts)';
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_published_dated" CHECK (status <> 'published' or published_at is not null);--> statement-breakpoint
CREATE FUNCTION "campaign_search_keys_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
    DELETE FROM public.campaign_search_keys k
     WHERE k.key = ANY (ARRAY(SELECT DISTINCT left(l.lexeme, 3) FROM unnest(OLD.search_vector) l))
       AND k.published_at = OLD.published_at AND k.campaign_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
    INSERT INTO public.campaign_search_keys (key, published_at, campaign_id)
    SELECT DISTINCT left(l.lexeme, 3), NEW.published_at, NEW.id FROM unnest(NEW.search_vector) l;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "campaigns_search_keys_written" AFTER INSERT OR DELETE ON "campaigns"
  FOR EACH ROW EXECUTE FUNCTION "campaign_search_keys_sync"();
--> statement-breakpoint
CREATE TRIGGER "campaigns_search_keys_changed" AFTER UPDATE OF "status", "published_at", "search_text" ON "campaigns"
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
        OR OLD.search_text IS DISTINCT FROM NEW.search_text)
  EXECUTE FUNCTION "campaign_search_keys_sync"();
--> statement-breakpoint
CREATE FUNCTION "campaign_search_keys_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE public.campaign_search_keys;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "campaigns_search_keys_truncated" AFTER TRUNCATE ON "campaigns"
  FOR EACH STATEMENT EXECUTE FUNCTION "campaign_search_keys_clear"();
--> statement-breakpoint
INSERT INTO "campaign_search_keys" ("key", "published_at", "campaign_id")
  SELECT DISTINCT left(l.lexeme, 3), c.published_at, c.id
  FROM "campaigns" c, unnest(c.search_vector) l
  WHERE c.status = 'published';
