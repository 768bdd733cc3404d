-- Invitations schema, version 9 (acceptance by another account), PostgreSQL.
-- accepting_address: the email address an invitee accepted with (signed in with or verified), on
-- ACCEPT entries and on the APPROVE / REJECT entries of an acceptance held because it came from
-- another address than the one invited. An erasure blanks it together with the reason: the row
-- trigger function of version 7 is replaced to allow exactly that (blank it, never rewrite it). Every
-- statement is idempotent.

ALTER TABLE ${prefix}invitation_history ADD COLUMN IF NOT EXISTS accepting_address VARCHAR(254);

-- The erasure trigger of version 7 now also keeps the accepting address as it was, or blanks it.
CREATE OR REPLACE FUNCTION ${prefix}history_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.seq = OLD.seq AND NEW.tenant_id = OLD.tenant_id AND NEW.invitation_id = OLD.invitation_id AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status = OLD.to_status AND (NEW.accepting_address IS NULL OR NEW.accepting_address IS NOT DISTINCT FROM OLD.accepting_address) THEN RETURN NEW; END IF; RAISE EXCEPTION 'invitation history is append-only: UPDATE refused (only one erasure of a reason is allowed)' USING ERRCODE = '42501'; END $$;
