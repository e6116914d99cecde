-- Indexes for what the read resolvers order by that 0001-0006 do not cover.

-- "My lists", most recently changed first (Query.myLists).
CREATE INDEX lists_user_updated_idx ON lists (user_id, updated_at DESC, id);
