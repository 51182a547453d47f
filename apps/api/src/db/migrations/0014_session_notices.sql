CREATE FUNCTION "users_session_notice"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bextr_events', 'auth:' || OLD.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "sessions_session_notice"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bextr_events', 'auth:' || OLD.user_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "session_notice_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bextr_events', 'auth:*');
  RETURN NULL;
END
$$;
--> statement-breakpoint
COMMENT ON FUNCTION "users_session_notice"() IS 'Tells every process''s session cache (modules/auth/session-cache.ts, decision 022) that a user changed: auth:<user id> on the events channel, delivered at commit';
--> statement-breakpoint
CREATE TRIGGER "users_session_notice_changed" AFTER UPDATE ON "users"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "users_session_notice"();
--> statement-breakpoint
CREATE TRIGGER "users_session_notice_deleted" AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_session_notice"();
--> statement-breakpoint
CREATE TRIGGER "users_session_notice_truncated" AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_notice_all"();
--> statement-breakpoint
CREATE TRIGGER "sessions_session_notice" AFTER UPDATE OR DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "sessions_session_notice"();
--> statement-breakpoint
CREATE TRIGGER "sessions_session_notice_truncated" AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_notice_all"();
--> statement-breakpoint
ALTER TABLE "users" ENABLE ALWAYS TRIGGER "users_session_notice_changed";--> statement-breakpoint
ALTER TABLE "users" ENABLE ALWAYS TRIGGER "users_session_notice_deleted";--> statement-breakpoint
ALTER TABLE "users" ENABLE ALWAYS TRIGGER "users_session_notice_truncated";--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ALWAYS TRIGGER "sessions_session_notice";--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ALWAYS TRIGGER "sessions_session_notice_truncated";
