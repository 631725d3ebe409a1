package io.github.qalab.db;

import io.github.qalab.migration.MigrationDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small migration chains in the qalab format into a folder, for the database tests. */
final class Migrations {

    static final String M001 = """
            -- revision: 001
            -- down_revision: none
            -- message: Create app user

            CREATE TABLE app_user (
                id BIGINT NOT NULL,
                name VARCHAR(100) NOT NULL,
                CONSTRAINT pk_app_user PRIMARY KEY (id)
            );

            /* qalab:downgrade
            DROP TABLE app_user;
            */
            """;

    static final String M002 = """
            -- revision: 002
            -- down_revision: 001
            -- message: Add account table

            CREATE TABLE account (
                id BIGINT NOT NULL,
                owner_id BIGINT NOT NULL,
                CONSTRAINT pk_account PRIMARY KEY (id)
            );
            ALTER TABLE account ADD CONSTRAINT fk_account_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);

            /* qalab:downgrade
            DROP TABLE account;
            */
            """;

    static final String M003 = """
            -- revision: 003
            -- down_revision: 002
            -- message: Add email

            ALTER TABLE app_user ADD COLUMN email VARCHAR(200);
            ALTER TABLE app_user ADD CONSTRAINT uq_app_user_email UNIQUE (email);
            -- a semicolon inside a string must not split the statement
            INSERT INTO app_user (id, name, email) VALUES (1, 'semi;colon', 'a@example.org');

            /* qalab:downgrade
            DELETE FROM app_user WHERE name = 'semi;colon';
            ALTER TABLE app_user DROP CONSTRAINT uq_app_user_email;
            ALTER TABLE app_user DROP COLUMN email;
            */
            """;

    private Migrations() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 001..003 above. */
    static Path standard(Path dir) {
        write(dir, "001_create_app_user.sql", M001);
        write(dir, "002_add_account_table.sql", M002);
        write(dir, "003_add_email.sql", M003);
        return dir;
    }

    static MigrationDirectory scan(Path dir) {
        try {
            return MigrationDirectory.scan(List.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
