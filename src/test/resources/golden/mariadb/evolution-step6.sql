-- revision: 006
-- down_revision: 005
-- message: Evolution step 6

ALTER TABLE delivery DROP FOREIGN KEY fk_delivery_order_id;
DROP INDEX IF EXISTS fk_delivery_order_id ON delivery;
CREATE SEQUENCE document_seq START WITH 1 INCREMENT BY 50 NOCACHE;
CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 50 NOCACHE;
CREATE TABLE audit_entry (
    id BIGINT NOT NULL AUTO_INCREMENT,
    action VARCHAR(80) NOT NULL,
    occurred_at DATETIME(6),
    PRIMARY KEY (id)
);
CREATE TABLE document (
    id BIGINT NOT NULL,
    title VARCHAR(255),
    version INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE email_notification (
    id BIGINT NOT NULL,
    recipient VARCHAR(255),
    subject VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE TABLE invoice (
    id BIGINT NOT NULL,
    amount DECIMAL(10,0),
    code varchar(20),
    due_time TIME(0),
    flag VARCHAR(1),
    grade VARCHAR(1) NOT NULL,
    level TINYINT NOT NULL,
    pdf LONGBLOB,
    `rank` SMALLINT NOT NULL,
    ratio FLOAT(23) NOT NULL,
    score DOUBLE,
    serial_number DECIMAL(38,0),
    PRIMARY KEY (id)
);
CREATE TABLE sms_notification (
    id BIGINT NOT NULL,
    phone_number VARCHAR(20),
    recipient VARCHAR(255),
    PRIMARY KEY (id)
);
-- qalab:allow destructive: drops table delivery and its data.
DROP TABLE delivery;
ALTER TABLE invoice ADD CONSTRAINT fk_invoice_id FOREIGN KEY (id) REFERENCES document (id);

/* qalab:downgrade
ALTER TABLE invoice DROP FOREIGN KEY fk_invoice_id;
DROP INDEX IF EXISTS fk_invoice_id ON invoice;
-- Data loss: table delivery comes back empty; the upgrade destroyed its data.
CREATE TABLE delivery (
    id UUID NOT NULL,
    carrier VARCHAR(255),
    delivered_at DATETIME(6),
    order_id BIGINT,
    shipped_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_delivery_order_id UNIQUE (order_id)
);
-- Data loss: drop table sms_notification destroys the data written since the upgrade.
DROP TABLE sms_notification;
-- Data loss: drop table invoice destroys the data written since the upgrade.
DROP TABLE invoice;
-- Data loss: drop table email_notification destroys the data written since the upgrade.
DROP TABLE email_notification;
-- Data loss: drop table document destroys the data written since the upgrade.
DROP TABLE document;
-- Data loss: drop table audit_entry destroys the data written since the upgrade.
DROP TABLE audit_entry;
-- Drops sequence notification_seq: its current value is lost.
DROP SEQUENCE notification_seq;
-- Drops sequence document_seq: its current value is lost.
DROP SEQUENCE document_seq;
ALTER TABLE delivery ADD CONSTRAINT fk_delivery_order_id FOREIGN KEY (order_id) REFERENCES purchase_orders (id);
*/
