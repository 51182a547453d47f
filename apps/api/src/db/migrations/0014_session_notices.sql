CREATE FUNCTION "session_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('bextr_events', 'auth:' || OLD.id);
  ELSE
    PERFORM pg_notify('bextr_events', 'auth:' || OLD.user_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
COMMENT ON FUNCTION "session_user_changed"() IS 'Tells every process''s session cache (modules/auth/session-cache.ts) that a user or one of its sessions changed: auth:<user id> on the events channel, sent at commit';
--> statement-breakpoint
CREATE TRIGGER "users_session_notice" AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "session_user_changed"();
--> statement-breakpoint
CREATE TRIGGER "sessions_session_notice" AFTER UPDATE OR DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "session_user_changed"();
--> statement-breakpoint
CREATE FUNCTION "session_users_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bextr_events', 'auth:*');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_session_notice_truncated" AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_users_truncated"();
--> statement-breakpoint
CREATE TRIGGER "sessions_session_notice_truncated" AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_users_truncated"();
