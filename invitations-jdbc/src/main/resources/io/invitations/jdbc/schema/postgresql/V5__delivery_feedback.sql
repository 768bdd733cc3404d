-- Invitations schema, version 5, PostgreSQL 12 or later.
-- 1. Delivery feedback: each outbox message keeps the id the mailer or provider gave it, when it was
--    handed over, and when the provider reported it delivered, soft or hard bounced, or complained.
-- 2. Conversion reports read a tenant's invitations by sending time: an index on (tenant_id, invited_at).
-- Every statement is idempotent.

ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS provider_message_id VARCHAR(998) COLLATE "C";
ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS soft_bounced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS hard_bounced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS complained_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${prefix}outbox ADD COLUMN IF NOT EXISTS feedback_detail VARCHAR(500);

-- Webhooks name a message by the provider's id: only sent messages have one.
CREATE INDEX IF NOT EXISTS ${prefix}outbox_provider_id_ix
    ON ${prefix}outbox (provider_message_id)
    WHERE provider_message_id IS NOT NULL;

-- Only sent invitations have a sending time; conversion reports range over it per tenant.
CREATE INDEX IF NOT EXISTS ${prefix}invitation_invited_ix
    ON ${prefix}invitation (tenant_id, invited_at)
    WHERE invited_at IS NOT NULL;
