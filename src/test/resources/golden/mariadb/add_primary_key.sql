-- add primary key account_tag[account_id, tag_id]
ALTER TABLE account_tag ADD PRIMARY KEY (account_id, tag_id);
-- inverse: drop primary key account_tag[account_id, tag_id]
ALTER TABLE account_tag DROP PRIMARY KEY;
