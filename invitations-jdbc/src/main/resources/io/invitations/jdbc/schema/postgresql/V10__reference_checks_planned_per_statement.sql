-- Invitations schema, version 10, PostgreSQL 12 or later.
-- The reference check of version 4 (one anti-join per INSERT statement into history or outbox) ran
-- as a static query inside its function, so each connection planned it once and kept that plan. A
-- connection that first ran it while the invitation table was small, or before the table had
-- statistics (a new schema, a truncated table), kept a plan made for a few rows: a nested loop
-- over the whole table, or over a whole tenant, for every new row. That is quadratic: a bulk of 500
-- on a table of 20,000 rows spent about 440 ms in each of the two checks instead of about 1 ms.
-- The check now looks each new row's invitation up by its id alone (the unique index on the id is the
-- only index that leads with it, so no other index can be picked and filtered tenant by tenant), then
-- compares the tenant; and it runs as a dynamic statement, planned on every call from the table's
-- current size, so no connection keeps a plan made for a small table. Same rule, same SQLSTATE 23503.
-- The function body holds no semicolon at a line's end, so the script splits as usual. Every
-- statement is idempotent.

CREATE OR REPLACE FUNCTION ${prefix}invitation_reference_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE missing boolean; BEGIN EXECUTE 'SELECT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id IS DISTINCT FROM (SELECT i.tenant_id FROM ${prefix}invitation i WHERE i.id = n.invitation_id))' INTO missing; IF missing THEN RAISE EXCEPTION 'a row of % refers to an invitation that does not exist in its tenant', TG_TABLE_NAME USING ERRCODE = '23503'; END IF; RETURN NULL; END $$;
