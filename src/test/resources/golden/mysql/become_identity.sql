-- alter column voucher.id
ALTER TABLE voucher MODIFY COLUMN id BIGINT NOT NULL AUTO_INCREMENT;
-- inverse: alter column voucher.id
ALTER TABLE voucher MODIFY COLUMN id BIGINT NOT NULL;
SET @qalab_sql = CONCAT('SELECT SETVAL(voucher_seq, ', (SELECT COALESCE(MAX(id), 0) + 50 FROM voucher), ', 0)');
PREPARE qalab_statement FROM @qalab_sql;
EXECUTE qalab_statement;
DEALLOCATE PREPARE qalab_statement;
