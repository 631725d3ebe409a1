-- revision: 002
-- down_revision: 001
-- message: Evolution step 2

CREATE SEQUENCE purchase_orders_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE purchase_orders (
    id BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    placed_at TIMESTAMP(6),
    priority SMALLINT,
    total NUMERIC(38,2),
    CONSTRAINT pk_purchase_orders PRIMARY KEY (id),
    CONSTRAINT ck_purchase_orders_priority CHECK (priority between 0 and 2)
);
ALTER TABLE customer ADD COLUMN phone VARCHAR(255);
-- Rows already in product get 0 in reorder_level (a default only while the column is added).
ALTER TABLE product ADD COLUMN reorder_level INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE product ALTER COLUMN reorder_level DROP DEFAULT;
ALTER TABLE purchase_orders ADD CONSTRAINT fk_purchase_orders_customer_id FOREIGN KEY (customer_id) REFERENCES customer (id);

/* qalab:downgrade
ALTER TABLE purchase_orders DROP CONSTRAINT fk_purchase_orders_customer_id;
-- Data loss: drop column product.reorder_level destroys the data written since the upgrade.
ALTER TABLE product DROP COLUMN reorder_level;
-- Data loss: drop column customer.phone destroys the data written since the upgrade.
ALTER TABLE customer DROP COLUMN phone;
-- Data loss: drop table purchase_orders destroys the data written since the upgrade.
DROP TABLE purchase_orders;
-- Drops sequence purchase_orders_seq: its current value is lost.
DROP SEQUENCE purchase_orders_seq;
*/
