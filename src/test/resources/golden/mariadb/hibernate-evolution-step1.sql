-- revision: 001
-- down_revision: none
-- message: Evolution step 1

CREATE SEQUENCE product_seq START WITH 1 INCREMENT BY 50 NOCACHE;
CREATE TABLE customer (
    id bigint NOT NULL AUTO_INCREMENT,
    created_at datetime(6) NOT NULL,
    version bigint NOT NULL,
    home_city varchar(80),
    country_code varchar(255),
    street varchar(120),
    postal_code varchar(10),
    email varchar(255),
    name varchar(100) NOT NULL,
    status enum ('ACTIVE','CLOSED','SUSPENDED'),
    PRIMARY KEY (id)
);
CREATE TABLE product (
    id bigint NOT NULL,
    active bit NOT NULL,
    category tinyint,
    description longtext,
    external_id uuid,
    price decimal(12,2),
    released_on date,
    sku varchar(40) NOT NULL,
    stock integer NOT NULL,
    thumbnail varbinary(255),
    PRIMARY KEY (id),
    CONSTRAINT uk_product_sku UNIQUE (sku),
    CONSTRAINT ck_product_category CHECK (category between 0 and 2)
);

/* qalab:downgrade
-- Data loss: drop table product destroys the data written since the upgrade.
DROP TABLE product;
-- Data loss: drop table customer destroys the data written since the upgrade.
DROP TABLE customer;
-- Drops sequence product_seq: its current value is lost.
DROP SEQUENCE product_seq;
*/
