-- Invitations schema, version 3, PostgreSQL 12 or later.
-- One row per tenant, locked (upsert) by every write that checks a seat limit or a quota, so that the
-- count and the write are one atomic step across every node sharing the database. The row holds a
-- running number of guarded writes, for diagnosis only. Every statement is idempotent.

CREATE TABLE IF NOT EXISTS ${prefix}tenant_guard (
    tenant_id             VARCHAR(128) COLLATE "C" NOT NULL,
    guarded_writes        BIGINT       NOT NULL,
    CONSTRAINT ${prefix}tenant_guard_pk PRIMARY KEY (tenant_id)
);
