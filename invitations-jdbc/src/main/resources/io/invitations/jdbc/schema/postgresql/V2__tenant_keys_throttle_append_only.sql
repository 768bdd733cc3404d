-- Invitations schema, version 2, PostgreSQL 12 or later.
-- 1. Every primary key leads with tenant_id, so the tables can be distributed by tenant (e.g. Citus).
--    The *_id_uq indexes keep ids unique across tenants on one node; a distributed database drops them.
-- 2. A shared attempt throttle: one row per hashed key and window.
-- 3. History is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
-- Every statement is idempotent.

ALTER TABLE ${prefix}invitation_history DROP CONSTRAINT IF EXISTS ${prefix}invitation_history_invitation_fk;
ALTER TABLE ${prefix}outbox DROP CONSTRAINT IF EXISTS ${prefix}outbox_invitation_fk;

ALTER TABLE ${prefix}invitation DROP CONSTRAINT IF EXISTS ${prefix}invitation_tenant_uq;
ALTER TABLE ${prefix}invitation DROP CONSTRAINT IF EXISTS ${prefix}invitation_pk;
ALTER TABLE ${prefix}invitation ADD CONSTRAINT ${prefix}invitation_pk PRIMARY KEY (tenant_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}invitation_id_uq ON ${prefix}invitation (id);

ALTER TABLE ${prefix}invitation_history DROP CONSTRAINT IF EXISTS ${prefix}invitation_history_pk;
ALTER TABLE ${prefix}invitation_history ADD CONSTRAINT ${prefix}invitation_history_pk PRIMARY KEY (tenant_id, seq);
ALTER TABLE ${prefix}invitation_history ADD CONSTRAINT ${prefix}invitation_history_invitation_fk
    FOREIGN KEY (tenant_id, invitation_id) REFERENCES ${prefix}invitation (tenant_id, id);
DROP INDEX IF EXISTS ${prefix}invitation_history_ix;
CREATE INDEX IF NOT EXISTS ${prefix}invitation_history_tenant_ix
    ON ${prefix}invitation_history (tenant_id, invitation_id, seq);

ALTER TABLE ${prefix}outbox DROP CONSTRAINT IF EXISTS ${prefix}outbox_pk;
ALTER TABLE ${prefix}outbox ADD CONSTRAINT ${prefix}outbox_pk PRIMARY KEY (tenant_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}outbox_id_uq ON ${prefix}outbox (id);
ALTER TABLE ${prefix}outbox ADD CONSTRAINT ${prefix}outbox_invitation_fk
    FOREIGN KEY (tenant_id, invitation_id) REFERENCES ${prefix}invitation (tenant_id, id);
DROP INDEX IF EXISTS ${prefix}outbox_invitation_ix;
CREATE INDEX IF NOT EXISTS ${prefix}outbox_tenant_invitation_ix
    ON ${prefix}outbox (tenant_id, invitation_id, send_number);

ALTER TABLE ${prefix}link DROP CONSTRAINT IF EXISTS ${prefix}link_pk;
ALTER TABLE ${prefix}link ADD CONSTRAINT ${prefix}link_pk PRIMARY KEY (tenant_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}link_id_uq ON ${prefix}link (id);

CREATE TABLE IF NOT EXISTS ${prefix}attempt_throttle (
    key_hash              VARCHAR(64)  COLLATE "C" NOT NULL,
    window_start          TIMESTAMP WITH TIME ZONE NOT NULL,
    failures              INTEGER      NOT NULL,
    CONSTRAINT ${prefix}attempt_throttle_pk PRIMARY KEY (key_hash),
    CONSTRAINT ${prefix}attempt_throttle_ck CHECK (failures >= 0)
);

CREATE INDEX IF NOT EXISTS ${prefix}attempt_throttle_window_ix
    ON ${prefix}attempt_throttle (window_start);

-- The function body holds no semicolon at a line's end, so the script splits as usual.
CREATE OR REPLACE FUNCTION ${prefix}history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'invitation history is append-only: % refused', TG_OP USING ERRCODE = '42501'; END $$;

DROP TRIGGER IF EXISTS ${prefix}history_append_only ON ${prefix}invitation_history;
CREATE TRIGGER ${prefix}history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${prefix}invitation_history
    FOR EACH STATEMENT EXECUTE FUNCTION ${prefix}history_append_only();
