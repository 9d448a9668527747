-- The same functions in PL/pgSQL, whose query plans are cached per connection (a plain SQL function
-- with SET clauses is planned again on every call before PostgreSQL 18): one cheap call per request.
CREATE OR REPLACE FUNCTION tds_session_actor(p_session_id text) RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET app.scope_all = 'on'
SET search_path = public, pg_temp
AS $$
DECLARE result json;
BEGIN
SELECT json_build_object(
    'sessionId', s.id,
    'csrfToken', s.csrf_token,
    'createdAt', floor(extract(epoch FROM s.created_at) * 1000),
    'lastSeenAt', floor(extract(epoch FROM s.last_seen_at) * 1000),
    'expiresAt', floor(extract(epoch FROM s.expires_at) * 1000),
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
  )
  FROM session s JOIN app_user u ON u.id = s.user_id
  WHERE s.id = p_session_id INTO result;
  RETURN result;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tds_unit_version(p_commune uuid) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET app.scope_all = 'on'
SET search_path = public, pg_temp
AS $$
DECLARE v integer;
BEGIN
  SELECT units INTO v FROM commune_version WHERE commune_id = p_commune;
  RETURN coalesce(v, 0);
END $$;
