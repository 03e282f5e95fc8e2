-- Reports of rebuilds with differences used to quote a few differing rows ("examples"), opened contact points
-- included, and kept them for good: the quotations go. A difference now names its table, key and columns only.
UPDATE read_model_rebuild
SET report = jsonb_set(report::jsonb, '{differences}',
                       (SELECT coalesce(jsonb_agg(difference - 'examples'), '[]'::jsonb)
                        FROM jsonb_array_elements(report::jsonb -> 'differences') AS difference))::text
WHERE jsonb_typeof(report::jsonb -> 'differences') = 'array'
  AND jsonb_array_length(report::jsonb -> 'differences') > 0;
