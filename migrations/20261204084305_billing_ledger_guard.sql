-- The billing ledger is append-only: an entry is never edited or deleted; a mistake is undone by
-- a reversal entry (reverses_id) that cancels it. The trigger refuses UPDATE and DELETE.
CREATE FUNCTION billing_ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the billing ledger is append-only: % is refused; post a reversal instead', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER billing_ledger_no_update_delete
  BEFORE UPDATE OR DELETE ON billing_ledger
  FOR EACH ROW EXECUTE FUNCTION billing_ledger_refuse_change();
