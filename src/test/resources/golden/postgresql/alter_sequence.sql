-- alter sequence account_seq
ALTER SEQUENCE account_seq INCREMENT BY 20;
-- inverse: alter sequence account_seq
ALTER SEQUENCE account_seq INCREMENT BY 50;
