-- revision: 005
-- down_revision: 004
-- message: Evolution step 5

CREATE TABLE customer_nicknames (
    customer_id BIGINT NOT NULL,
    nicknames VARCHAR(255),
    CONSTRAINT uk_customer_nicknames_customer_id_nicknames UNIQUE (customer_id, nicknames)
);
CREATE TABLE customer_previous_addresses (
    city VARCHAR(255),
    country_code VARCHAR(255),
    owner_id BIGINT NOT NULL,
    postal_code VARCHAR(10),
    street VARCHAR(120)
);
CREATE TABLE payment (
    id BIGINT NOT NULL AUTO_INCREMENT,
    amount DECIMAL(14,2) NOT NULL,
    expiry_year SMALLINT,
    iban VARCHAR(255),
    kind VARCHAR(20) NOT NULL,
    last4 VARCHAR(4) NOT NULL,
    purchase_order_id BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT ck_payment_kind_cardpayment CHECK (kind <> 'CARD' or (expiry_year is not null)),
    CONSTRAINT ck_payment_kind CHECK (kind in ('BankTransfer','CARD'))
);
ALTER TABLE customer_nicknames ADD CONSTRAINT fk_customer_nicknames_customer_id FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE customer_previous_addresses ADD CONSTRAINT fk_customer_previous_addresses_owner_id FOREIGN KEY (owner_id) REFERENCES customer (id);
ALTER TABLE payment ADD CONSTRAINT fk_payment_purchase_order_id FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id);

/* qalab:downgrade
ALTER TABLE payment DROP FOREIGN KEY fk_payment_purchase_order_id;
DROP INDEX IF EXISTS fk_payment_purchase_order_id ON payment;
ALTER TABLE customer_previous_addresses DROP FOREIGN KEY fk_customer_previous_addresses_owner_id;
DROP INDEX IF EXISTS fk_customer_previous_addresses_owner_id ON customer_previous_addresses;
ALTER TABLE customer_nicknames DROP FOREIGN KEY fk_customer_nicknames_customer_id;
DROP INDEX IF EXISTS fk_customer_nicknames_customer_id ON customer_nicknames;
-- Data loss: drop table payment destroys the data written since the upgrade.
DROP TABLE payment;
-- Data loss: drop table customer_previous_addresses destroys the data written since the upgrade.
DROP TABLE customer_previous_addresses;
-- Data loss: drop table customer_nicknames destroys the data written since the upgrade.
DROP TABLE customer_nicknames;
*/
