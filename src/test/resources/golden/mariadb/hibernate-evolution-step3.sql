-- revision: 003
-- down_revision: 002
-- message: Evolution step 3

CREATE TABLE delivery (
    id uuid NOT NULL,
    carrier varchar(255),
    delivered_at datetime(6),
    shipped_at datetime(6),
    order_id bigint,
    PRIMARY KEY (id),
    CONSTRAINT uk_delivery_order_id UNIQUE (order_id)
);
-- Rows holding NULL in customer.email get 'unknown@example.com' before it becomes NOT NULL.
UPDATE customer SET email = 'unknown@example.com' WHERE email IS NULL;
ALTER TABLE customer MODIFY COLUMN email varchar(255) NOT NULL;
ALTER TABLE customer MODIFY COLUMN name varchar(200) NOT NULL;
-- qalab:allow destructive: drops column product.thumbnail and its data.
ALTER TABLE product DROP COLUMN thumbnail;
ALTER TABLE delivery ADD CONSTRAINT fk_delivery_order_id FOREIGN KEY (order_id) REFERENCES purchase_orders (id);

/* qalab:downgrade
ALTER TABLE delivery DROP FOREIGN KEY fk_delivery_order_id;
DROP INDEX IF EXISTS fk_delivery_order_id ON delivery;
-- Data loss: column product.thumbnail comes back empty; the upgrade destroyed its data.
ALTER TABLE product ADD COLUMN thumbnail VARBINARY(255);
-- Narrows customer.name back to VARCHAR(100): values that do not fit make it fail (or are cut).
ALTER TABLE customer MODIFY COLUMN name VARCHAR(100) NOT NULL;
ALTER TABLE customer MODIFY COLUMN email VARCHAR(255);
-- Data loss: drop table delivery destroys the data written since the upgrade.
DROP TABLE delivery;
*/
