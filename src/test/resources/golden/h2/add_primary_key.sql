-- add primary key account_tag[account_id, tag_id]
ALTER TABLE account_tag ADD CONSTRAINT pk_account_tag PRIMARY KEY (account_id, tag_id);
-- inverse: drop primary key account_tag[account_id, tag_id]
ALTER TABLE account_tag DROP CONSTRAINT pk_account_tag;
