-- Invitations schema, version 6, H2 2.x.
-- Reminders: each invitation keeps when its next scheduled reminder is due; the reminder sweep reads
-- pending invitations by that time across tenants. Every statement is idempotent.

ALTER TABLE ${prefix}invitation ADD COLUMN IF NOT EXISTS next_reminder_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX IF NOT EXISTS ${prefix}invitation_reminder_ix
    ON ${prefix}invitation (status, next_reminder_at);
