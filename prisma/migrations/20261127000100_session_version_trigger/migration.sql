-- Any change of password, role or active flag ends the user's existing sessions: the JWT carries
-- the sessionVersion it was issued with, and the DAL rejects a token whose version is stale.
-- Done in the database so that no code path can forget it.
CREATE OR REPLACE FUNCTION "user_bump_session_version"() RETURNS trigger AS $$
BEGIN
  IF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash"
     OR NEW."role" IS DISTINCT FROM OLD."role"
     OR NEW."active" IS DISTINCT FROM OLD."active" THEN
    NEW."sessionVersion" := OLD."sessionVersion" + 1;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_bump_session_version"
  BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_bump_session_version"();
