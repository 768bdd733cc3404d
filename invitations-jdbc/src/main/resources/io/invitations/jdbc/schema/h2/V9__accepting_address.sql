-- Invitations schema, version 9 (acceptance by another account), H2 2.x.
-- accepting_address: the email address an invitee accepted with (signed in with or verified), on
-- ACCEPT entries and on the APPROVE / REJECT entries of an acceptance held because it came from
-- another address than the one invited. An erasure blanks it together with the reason (the history
-- trigger, AppendOnlyTrigger, lets exactly that through). Every statement is idempotent.

ALTER TABLE ${prefix}invitation_history ADD COLUMN IF NOT EXISTS accepting_address VARCHAR(254);
