-- Invitations schema, version 4, PostgreSQL 12 or later.
-- History entries and outbox messages must name an invitation of their own tenant. Until version 3
-- two foreign keys checked that row by row: for a bulk of 500, 1,000 key look-ups that each lock the
-- invitation row, about half of the database's work for the whole bulk. Version 4 checks it once per
-- statement instead: an AFTER INSERT trigger with a transition table looks up every new row's
-- invitation in one anti-join and refuses the statement with SQLSTATE 23503 (foreign_key_violation,
-- as the keys did), and a trigger on the invitation table refuses deleting an invitation that history
-- or outbox rows still name. The store never updates those two columns and never deletes invitations.
-- Function bodies hold no semicolon at a line's end, so the script splits as usual. Every statement
-- is idempotent.

CREATE OR REPLACE FUNCTION ${prefix}invitation_reference_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM ${prefix}invitation i WHERE i.tenant_id = n.tenant_id AND i.id = n.invitation_id)) THEN RAISE EXCEPTION 'a row of % refers to an invitation that does not exist in its tenant', TG_TABLE_NAME USING ERRCODE = '23503'; END IF; RETURN NULL; END $$;

CREATE OR REPLACE FUNCTION ${prefix}invitation_referenced_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM ${prefix}invitation_history h WHERE h.tenant_id = o.tenant_id AND h.invitation_id = o.id) OR EXISTS (SELECT 1 FROM ${prefix}outbox m WHERE m.tenant_id = o.tenant_id AND m.invitation_id = o.id)) THEN RAISE EXCEPTION 'an invitation that history or outbox rows name cannot be deleted' USING ERRCODE = '23503'; END IF; RETURN NULL; END $$;

DROP TRIGGER IF EXISTS ${prefix}history_reference ON ${prefix}invitation_history;
CREATE TRIGGER ${prefix}history_reference AFTER INSERT ON ${prefix}invitation_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}invitation_reference_check();

DROP TRIGGER IF EXISTS ${prefix}outbox_reference ON ${prefix}outbox;
CREATE TRIGGER ${prefix}outbox_reference AFTER INSERT ON ${prefix}outbox
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}invitation_reference_check();

DROP TRIGGER IF EXISTS ${prefix}invitation_referenced ON ${prefix}invitation;
CREATE TRIGGER ${prefix}invitation_referenced AFTER DELETE ON ${prefix}invitation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}invitation_referenced_check();

ALTER TABLE ${prefix}invitation_history DROP CONSTRAINT IF EXISTS ${prefix}invitation_history_invitation_fk;
ALTER TABLE ${prefix}outbox DROP CONSTRAINT IF EXISTS ${prefix}outbox_invitation_fk;
