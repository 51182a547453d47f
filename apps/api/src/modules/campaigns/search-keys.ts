/** What `campaign_search_keys` must hold (the triggers of migrations 0013 and 0014 write it row by
 * row): every published campaign's words cut to three characters, with its publish time, the words
 * under each key (none past 1 KB: migration 0014) and the campaign's filtered columns, in the
 * table's column order. The bench
 * generator writes the table with it, and the checks below compare the table with it. */
export const expectedSearchKeysSql = `select left(l.lexeme, 3) as key, c.published_at, c.id as campaign_id,
    campaign_search_key_words(array_agg(l.lexeme)) as words, c.category, c.tiers, c.networks, c.compensation_type,
    c.amount, c.application_deadline, c.countries, c.remote, c.languages
  from campaigns c, unnest(c.search_vector) l where c.status = 'published'
  group by left(l.lexeme, 3), c.id`;

/** The rows missing from `campaign_search_keys` and those left behind in it, each with its side. */
export const searchKeysDriftSql = `with expected as (${expectedSearchKeysSql})
  (select 'missing' as drift, key, campaign_id from (select * from expected except select * from campaign_search_keys) m)
  union all
  (select 'left behind', key, campaign_id from (select * from campaign_search_keys except select * from expected) s)`;
