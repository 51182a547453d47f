import type pg from 'pg';

/** Every foreign key of the schema holds (the generator writes with the FK triggers off, for speed,
 * so this is where they are checked — one anti-join per key). Throws on the first orphan. */
export async function checkForeignKeys(client: pg.Client): Promise<number> {
  const keys = await client.query<{ name: string; child: string; col: string; parent: string; pcol: string }>(
    `select c.conname as name, c.conrelid::regclass::text as child, a.attname as col,
            c.confrelid::regclass::text as parent, pa.attname as pcol
     from pg_constraint c
     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
     where c.contype = 'f' and cardinality(c.conkey) = 1 and c.connamespace = 'public'::regnamespace`,
  );
  for (const k of keys.rows) {
    const r = await client.query(
      `select count(*)::int as n from ${k.child} x where x.${k.col} is not null
       and not exists (select 1 from ${k.parent} p where p.${k.pcol} = x.${k.col})`,
    );
    if (r.rows[0].n > 0) throw new Error(`foreign key ${k.name}: ${r.rows[0].n} orphan rows in ${k.child}`);
  }
  return keys.rows.length;
}
