ALTER TABLE "login_throttle" ADD COLUMN "next_at" timestamp with time zone;--> statement-breakpoint
-- Sessions are reachable by the application role only through these functions, which take the
-- session's token (the table keeps its SHA-256): resolve (sliding the idle expiry at most once a
-- minute, ending an expired session) and end. Everything else on sessions is system work.
DROP FUNCTION IF EXISTS tds_session_actor(text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tds_session_actor(p_token text, p_idle_minutes integer) RETURNS json
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  sid text := encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex');
  idle interval := make_interval(mins => least(greatest(coalesce(p_idle_minutes, 120), 5), 1440));
  s record;
  result json;
BEGIN
  SELECT se.id, se.created_at, se.last_seen_at, se.expires_at, u.disabled INTO s
    FROM session se JOIN app_user u ON u.id = se.user_id WHERE se.id = sid;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF s.expires_at <= now() OR s.created_at <= now() - interval '12 hours' OR s.disabled THEN
    DELETE FROM session WHERE id = sid;
    RETURN NULL;
  END IF;
  IF s.last_seen_at < now() - interval '1 minute' THEN
    UPDATE session SET last_seen_at = now(), expires_at = least(now() + idle, s.created_at + interval '12 hours') WHERE id = sid;
  END IF;
  SELECT json_build_object(
    'sessionId', se.id,
    'csrfToken', se.csrf_token,
    'createdAt', floor(extract(epoch FROM se.created_at) * 1000),
    'user', json_build_object('id', u.id, 'username', u.username, 'fullName', u.full_name,
                              'disabled', u.disabled, 'mustChangePassword', u.must_change_password),
    'roles', coalesce((
      SELECT json_agg(json_build_object('role', r.role, 'provinceId', r.province_id, 'communeId', r.commune_id,
                                        'unitId', r.unit_id, 'unitPath', un.path) ORDER BY r.created_at, r.id)
      FROM role_assignment r
      LEFT JOIN unit un ON un.commune_id = r.commune_id AND un.id = r.unit_id
      WHERE r.user_id = u.id), '[]'::json),
    'communes', coalesce((
      SELECT json_agg(json_build_object('id', c.id, 'provinceId', c.province_id))
      FROM commune c
      WHERE c.id IN (SELECT r.commune_id FROM role_assignment r WHERE r.user_id = u.id)
         OR c.province_id IN (SELECT r.province_id FROM role_assignment r WHERE r.user_id = u.id AND r.commune_id IS NULL)), '[]'::json)
  ) INTO result
  FROM session se JOIN app_user u ON u.id = se.user_id
  WHERE se.id = sid;
  RETURN result;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tds_session_end(p_token text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  DELETE FROM session WHERE id = encode(sha256(convert_to(coalesce(p_token, ''), 'UTF8')), 'hex');
END $$;
--> statement-breakpoint
-- For users the caller's session may see: how many roles each holds in all (no detail), and until
-- when their sign-in attempts are delayed. An administrator may manage a user only when every role of
-- the user lies in their scope, and row-level security hides the rows of the others; the login
-- throttle itself stays out of the application role's reach.
CREATE OR REPLACE FUNCTION tds_user_facts(p_user_ids uuid[]) RETURNS TABLE (user_id uuid, total_roles integer, login_next_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT u.id,
         (SELECT count(*)::integer FROM role_assignment r WHERE r.user_id = u.id),
         (SELECT t.next_at FROM login_throttle t WHERE t.key = 'user:' || lower(u.username) AND t.next_at > now())
    FROM app_user u
   WHERE u.id = ANY (p_user_ids)
     AND (tds_session_all()
          OR u.commune_id = ANY (tds_session_communes())
          OR (u.commune_id IS NULL AND u.province_id = ANY (tds_session_provinces())));
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_session_actor(text, integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_session_end(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tds_user_facts(uuid[]) FROM PUBLIC;
