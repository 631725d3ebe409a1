-- revision: 003
-- down_revision: 002
-- message: Evolution step 3

CREATE TABLE delivery (
    id UUID NOT NULL,
    carrier VARCHAR(255),
    delivered_at TIMESTAMP(6) WITH TIME ZONE,
    order_id BIGINT,
    shipped_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_delivery PRIMARY KEY (id),
    CONSTRAINT uk_delivery_order_id UNIQUE (order_id)
);
-- Rows holding NULL in customer.email get 'unknown@example.com' before it becomes NOT NULL.
UPDATE customer SET email = 'unknown@example.com' WHERE email IS NULL;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;
ALTER TABLE customer ALTER COLUMN name TYPE VARCHAR(200);
-- qalab:allow destructive: drops column product.thumbnail and its data.
ALTER TABLE product DROP COLUMN thumbnail;
ALTER TABLE delivery ADD CONSTRAINT fk_delivery_order_id FOREIGN KEY (order_id) REFERENCES purchase_orders (id);

/* qalab:downgrade
ALTER TABLE delivery DROP CONSTRAINT fk_delivery_order_id;
-- Data loss: column product.thumbnail comes back empty; the upgrade destroyed its data.
ALTER TABLE product ADD COLUMN thumbnail BYTEA;
-- Narrows customer.name back to VARCHAR(100): values that do not fit make it fail (or are cut).
ALTER TABLE customer ALTER COLUMN name TYPE VARCHAR(100);
ALTER TABLE customer ALTER COLUMN email DROP NOT NULL;
-- Data loss: drop table delivery destroys the data written since the upgrade.
DROP TABLE delivery;
*/
