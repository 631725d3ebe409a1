-- create sequence account_seq
CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;
-- inverse: drop sequence account_seq
DROP SEQUENCE account_seq;
