-- A document's versions and signatures are evidence: once written they are never changed or
-- removed (a new version or a superseding document is added instead). The trigger refuses UPDATE
-- and DELETE on both tables.
CREATE FUNCTION documents_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused; add a new version instead', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON document_versions
  FOR EACH ROW EXECUTE FUNCTION documents_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_signatures_no_update_delete
  BEFORE UPDATE OR DELETE ON document_signatures
  FOR EACH ROW EXECUTE FUNCTION documents_refuse_change();
