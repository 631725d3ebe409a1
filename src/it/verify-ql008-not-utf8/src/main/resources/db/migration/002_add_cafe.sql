-- revision: 002
-- down_revision: 001
-- message: Add café table

CREATE TABLE cafe (id BIGINT NOT NULL);

/* qalab:downgrade
DROP TABLE cafe;
*/
