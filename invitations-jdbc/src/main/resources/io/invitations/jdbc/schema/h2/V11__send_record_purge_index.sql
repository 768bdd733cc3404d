-- Invitations schema, version 11, H2.
-- The expiry sweep deletes each tenant's send records older than a cut-off
-- (tenant_id = ? AND sent_at < ?). The indexes of version 8 lead with (tenant_id, contact_key) and
-- (tenant_id, inviter), so that delete read every record of the tenant; this index serves it as a
-- range. Idempotent.

CREATE INDEX IF NOT EXISTS ${prefix}send_record_sent_ix
    ON ${prefix}send_record (tenant_id, sent_at);
