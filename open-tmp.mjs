import { PGlite } from '@electric-sql/pglite';
try { const lite = await PGlite.create(process.argv[2]); console.log('opened', (await lite.query('select count(*) from t')).rows); await lite.close(); }
catch (e) { console.log('ERR', e?.name, String(e?.message).slice(0,300)); }
