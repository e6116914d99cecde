/**
 * The database role the Data API runs statements as on a PostgreSQL server. The URL the
 * developer gives is usually a superuser's, and a superuser can read files or run shell commands
 * (`COPY … TO PROGRAM`); in AWS the Data API runs as the secret's user, which is not one. So the
 * backend uses the URL only to set up a role that may do what migrations and the API need in
 * this database (create and alter its own tables, views, functions and schemas) and nothing
 * more, and connects as that role.
 */
import { createHmac } from 'node:crypto';

/** The role's name (cluster-wide; each database it serves grants it rights on start). */
export const DATA_API_ROLE = 'roam_data_api';

/** The same password for every process given the same admin URL, so two servers on one database agree. */
function rolePassword(adminUrl: string): string {
  return createHmac('sha256', adminUrl).update(DATA_API_ROLE).digest('hex');
}

/** Creates (or updates) the role, grants it this database, and gives it the objects created earlier as another user. */
function setupSql(role: string, password: string): string {
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return `
DO $setup$
DECLARE
  item record;
BEGIN
  BEGIN
    EXECUTE format('CREATE ROLE %I LOGIN', ${literal(role)});
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', ${literal(role)}, ${literal(password)});
  EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', current_database(), ${literal(role)});
  EXECUTE format('GRANT ALL ON SCHEMA public TO %I', ${literal(role)});
  -- Objects an earlier run created as the admin: the role must own them to alter or replace them.
  FOR item IN
    SELECT format('ALTER %s %s OWNER TO %I', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.oid::regclass, ${literal(role)}) AS statement
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = ${literal(role)})
      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ${literal(role)})
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = ${literal(role)})
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE item.statement;
  END LOOP;
END
$setup$`;
}

/**
 * Sets the role up with the admin URL and returns the URL to connect as it. A URL that is not a
 * superuser's (it cannot create roles) is used as it is: it is already as limited as its owner made it.
 */
export async function prepareDataApiRole(adminUrl: string, role = DATA_API_ROLE): Promise<string> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ rolsuper: boolean; current_user: string }>(
      'select rolsuper, current_user from pg_roles where rolname = current_user',
    );
    if (!rows[0]?.rolsuper || rows[0].current_user === role) return adminUrl;
    const password = rolePassword(adminUrl);
    await admin.query(setupSql(role, password));
    const url = new URL(adminUrl);
    url.username = role;
    url.password = password;
    return url.toString();
  } finally {
    await admin.end().catch(() => undefined);
  }
}
