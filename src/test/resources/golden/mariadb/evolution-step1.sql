-- revision: 001
-- down_revision: none
-- message: Evolution step 1

CREATE SEQUENCE product_seq START WITH 1 INCREMENT BY 50 NOCACHE;
CREATE TABLE customer (
    id BIGINT NOT NULL AUTO_INCREMENT,
    country_code VARCHAR(255),
    created_at DATETIME(6) NOT NULL,
    email VARCHAR(255),
    home_city VARCHAR(80),
    name VARCHAR(100) NOT NULL,
    postal_code VARCHAR(10),
    status ENUM ('ACTIVE','CLOSED','SUSPENDED'),
    street VARCHAR(120),
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE product (
    id BIGINT NOT NULL,
    active BIT NOT NULL,
    category TINYINT,
    description LONGTEXT,
    external_id UUID,
    price DECIMAL(12,2),
    released_on DATE,
    sku VARCHAR(40) NOT NULL,
    stock INTEGER NOT NULL,
    thumbnail VARBINARY(255),
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
