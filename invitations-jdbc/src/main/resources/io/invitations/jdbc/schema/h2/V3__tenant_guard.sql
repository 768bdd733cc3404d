-- Invitations schema, version 3, H2 2.x.
-- One row per tenant, locked (MERGE) by every write that checks a seat limit or a quota, so that the
-- count and the write are one atomic step. The row holds a running number of guarded writes, for
-- diagnosis only. Every statement is idempotent.

CREATE TABLE IF NOT EXISTS ${prefix}tenant_guard (
    tenant_id             VARCHAR(128) NOT NULL,
    guarded_writes        BIGINT       NOT NULL,
    CONSTRAINT ${prefix}tenant_guard_pk PRIMARY KEY (tenant_id)
);
