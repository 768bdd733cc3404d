-- Invitations schema, version 6, H2 2.x.
-- Erasure: a history row may be updated exactly once, by an erasure that blanks personal texts in
-- its reason and sets erased_at; every other UPDATE and every DELETE stays refused. The trigger class
-- of version 2 (AppendOnlyTrigger) checks this row by row. Every statement is idempotent.

ALTER TABLE ${prefix}invitation_history ADD COLUMN IF NOT EXISTS erased_at TIMESTAMP WITH TIME ZONE;
