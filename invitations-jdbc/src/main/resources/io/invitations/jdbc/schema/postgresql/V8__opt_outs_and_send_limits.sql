-- Invitations schema, version 6 (opt-outs and send limits), PostgreSQL 12 or later.
-- 1. opt_out: recipients who asked for no more invitations, per tenant, or from every tenant of the
--    host (tenant_id ''). The contact is a one-way key (SHA-256 of its match key), never an address.
-- 2. send_record: one row per invitation message queued (first send, resend, reinvite), counted
--    inside the tenant's guarded write for the per-recipient and per-inviter send limits.
-- Every statement is idempotent.

CREATE TABLE IF NOT EXISTS ${prefix}opt_out (
    contact_key           VARCHAR(64) COLLATE "C"  NOT NULL,
    tenant_id             VARCHAR(128) COLLATE "C" NOT NULL,
    opted_out_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}opt_out_pk PRIMARY KEY (contact_key, tenant_id)
);

CREATE TABLE IF NOT EXISTS ${prefix}send_record (
    tenant_id             VARCHAR(128) COLLATE "C" NOT NULL,
    contact_key           VARCHAR(64) COLLATE "C"  NOT NULL,
    inviter               VARCHAR(256) COLLATE "C" NOT NULL,
    sent_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS ${prefix}send_record_contact_ix
    ON ${prefix}send_record (tenant_id, contact_key, sent_at);

CREATE INDEX IF NOT EXISTS ${prefix}send_record_inviter_ix
    ON ${prefix}send_record (tenant_id, inviter, sent_at);
