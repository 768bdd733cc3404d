-- Invitations schema, version 6, PostgreSQL 12 or later.
-- Reminders: each invitation keeps when its next scheduled reminder is due; the reminder sweep reads
-- pending invitations by that time across tenants. Every statement is idempotent.

ALTER TABLE ${prefix}invitation ADD COLUMN IF NOT EXISTS next_reminder_at TIMESTAMP WITH TIME ZONE;

-- Only pending invitations with a planned reminder are swept.
CREATE INDEX IF NOT EXISTS ${prefix}invitation_reminder_ix
    ON ${prefix}invitation (next_reminder_at)
    WHERE status = 'PENDING' AND next_reminder_at IS NOT NULL;
