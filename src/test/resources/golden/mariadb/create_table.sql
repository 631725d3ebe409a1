-- create table app_user
CREATE TABLE app_user (
    id BIGINT NOT NULL AUTO_INCREMENT,
    email VARCHAR(255) NOT NULL,
    status VARCHAR(20) DEFAULT 'new' NOT NULL,
    active BIT NOT NULL,
    level TINYINT,
    `rank` SMALLINT,
    logins INTEGER DEFAULT 0 NOT NULL,
    score FLOAT(23),
    ratio DOUBLE,
    balance DECIMAL(38,2),
    initial CHAR(1),
    bio LONGTEXT,
    avatar LONGBLOB,
    token VARBINARY(255),
    born DATE,
    wakes TIME(0),
    created DATETIME(6),
    seen DATETIME(6),
    external_id UUID,
    colour ENUM ('GREEN','RED'),
    `order` INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_email UNIQUE (email)
);
CREATE INDEX ix_app_user_status_created ON app_user (status, created);
-- inverse: drop table app_user
DROP TABLE app_user;
