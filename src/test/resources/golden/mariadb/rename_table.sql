-- rename table app_user to customer
ALTER TABLE app_user RENAME TO customer;
-- inverse: rename table customer to app_user
ALTER TABLE customer RENAME TO app_user;
