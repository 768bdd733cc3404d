-- Invitations schema, version 6, PostgreSQL.
-- Erasure: a history row may be updated exactly once, by an erasure that blanks personal texts in
-- its reason and sets erased_at; every other UPDATE and every DELETE or TRUNCATE stays refused.
-- The statement trigger of version 2 keeps refusing DELETE and TRUNCATE; UPDATE moves to a row
-- trigger that lets through only that change. Every statement is idempotent.

ALTER TABLE ${prefix}invitation_history ADD COLUMN IF NOT EXISTS erased_at TIMESTAMP WITH TIME ZONE;

-- The function body holds no semicolon at a line's end, so the script splits as usual.
CREATE OR REPLACE FUNCTION ${prefix}history_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.seq = OLD.seq AND NEW.tenant_id = OLD.tenant_id AND NEW.invitation_id = OLD.invitation_id AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status = OLD.to_status THEN RETURN NEW; END IF; RAISE EXCEPTION 'invitation history is append-only: UPDATE refused (only one erasure of a reason is allowed)' USING ERRCODE = '42501'; END $$;

DROP TRIGGER IF EXISTS ${prefix}history_append_only ON ${prefix}invitation_history;
CREATE TRIGGER ${prefix}history_append_only BEFORE DELETE OR TRUNCATE ON ${prefix}invitation_history
    FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}history_append_only();

DROP TRIGGER IF EXISTS ${prefix}history_erasure_only ON ${prefix}invitation_history;
CREATE TRIGGER ${prefix}history_erasure_only BEFORE UPDATE ON ${prefix}invitation_history
    FOR EACH ROW EXECUTE FUNCTION ${prefix}history_erasure_only();
