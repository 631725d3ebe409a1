-- revision: 005
-- down_revision: 004
-- message: Evolution step 5

CREATE TABLE customer_nicknames (
    customer_id bigint NOT NULL,
    nicknames varchar(255),
    CONSTRAINT uk_customer_nicknames_customer_id_nicknames UNIQUE (customer_id, nicknames)
);
CREATE TABLE customer_previous_addresses (
    owner_id bigint NOT NULL,
    city varchar(255),
    country_code varchar(255),
    street varchar(120),
    postal_code varchar(10)
);
CREATE TABLE payment (
    kind varchar(20) NOT NULL,
    id bigint NOT NULL AUTO_INCREMENT,
    amount decimal(14,2) NOT NULL,
    iban varchar(255),
    expiry_year smallint,
    last4 varchar(4) NOT NULL,
    purchase_order_id bigint,
    PRIMARY KEY (id),
    CONSTRAINT ck_payment_kind CHECK (kind <> 'CARD' or (expiry_year is not null)),
    CONSTRAINT ck_payment_kind_2 CHECK (kind in ('BankTransfer','CARD'))
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
