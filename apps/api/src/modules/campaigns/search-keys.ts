/** What `campaign_search_keys` must hold (migration 0013's triggers write it row by row): every
 * published campaign's words cut to three characters, with its publish time. The bench generator
 * writes the table with it, and the checks below compare the table with it. */
export const expectedSearchKeysSql = `select distinct left(l.lexeme, 3) as key, c.published_at, c.id as campaign_id
  from campaigns c, unnest(c.search_vector) l where c.status = 'published'`;

/** The rows missing from `campaign_search_keys` and those left behind in it, each with its side. */
export const searchKeysDriftSql = `with expected as (${expectedSearchKeysSql})
  (select 'missing' as drift, key, campaign_id from (select * from expected except select * from campaign_search_keys) m)
  union all
  (select 'left behind', key, campaign_id from (select * from campaign_search_keys except select * from expected) s)`;
