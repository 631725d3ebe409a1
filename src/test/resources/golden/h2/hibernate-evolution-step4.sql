-- revision: 004
-- down_revision: 003
-- message: Evolution step 4

CREATE SEQUENCE tag_ids START WITH 1 INCREMENT BY 10;
CREATE TABLE product_tags (
    products_id bigint NOT NULL,
    tags_id bigint NOT NULL,
    CONSTRAINT pk_product_tags PRIMARY KEY (products_id, tags_id)
);
CREATE TABLE tag (
    id bigint NOT NULL,
    label varchar(50) NOT NULL,
    CONSTRAINT pk_tag PRIMARY KEY (id),
    CONSTRAINT uk_tag_label UNIQUE (label)
);
ALTER TABLE customer ADD CONSTRAINT uk_customer_name_phone UNIQUE (name, phone);
CREATE INDEX ix_customer_email ON customer (email);
ALTER TABLE product_tags ADD CONSTRAINT fk_product_tags_products_id FOREIGN KEY (products_id) REFERENCES product (id);
ALTER TABLE product_tags ADD CONSTRAINT fk_product_tags_tags_id FOREIGN KEY (tags_id) REFERENCES tag (id);

/* qalab:downgrade
ALTER TABLE product_tags DROP CONSTRAINT fk_product_tags_tags_id;
ALTER TABLE product_tags DROP CONSTRAINT fk_product_tags_products_id;
DROP INDEX ix_customer_email;
ALTER TABLE customer DROP CONSTRAINT uk_customer_name_phone;
-- Data loss: drop table tag destroys the data written since the upgrade.
DROP TABLE tag;
-- Data loss: drop table product_tags destroys the data written since the upgrade.
DROP TABLE product_tags;
-- Drops sequence tag_ids: its current value is lost.
DROP SEQUENCE tag_ids;
*/
