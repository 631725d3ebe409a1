package io.github.qalab.diff;

import io.github.qalab.schema.Column;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import io.github.qalab.schema.ForeignKey;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.PrimaryKey;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Sequence;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;

/** Schemas shared by the diff, rendering and round-trip tests: a first version and an evolved second one. */
public final class SampleSchemas {

    private SampleSchemas() {
    }

    public static Column col(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, "", false);
    }

    public static ColumnType sized(Kind kind, int length) {
        return new ColumnType(kind, length, 0, 0, List.of(), "");
    }

    public static ColumnType temporal(Kind kind, int precision) {
        return new ColumnType(kind, 0, precision, 0, List.of(), "");
    }

    public static ColumnType enumOf(String... values) {
        return new ColumnType(Kind.ENUM, 255, 0, 0, List.of(values), "");
    }

    /** app_user: one column of every kind the entity side produces, an identity key and a reserved word. */
    public static Table appUser() {
        return new Table("app_user", List.of(
                new Column("id", ColumnType.of(Kind.BIGINT), false, "", true),
                col("email", ColumnType.varchar(255), false),
                new Column("status", ColumnType.varchar(20), false, "'new'", false),
                col("active", ColumnType.of(Kind.BOOLEAN), false),
                col("level", ColumnType.of(Kind.TINYINT), true),
                col("rank", ColumnType.of(Kind.SMALLINT), true),
                new Column("logins", ColumnType.of(Kind.INTEGER), false, "0", false),
                col("score", ColumnType.of(Kind.REAL), true),
                col("ratio", ColumnType.of(Kind.DOUBLE), true),
                col("balance", ColumnType.decimal(38, 2), true),
                col("initial", sized(Kind.CHAR, 1), true),
                col("bio", ColumnType.of(Kind.CLOB), true),
                col("avatar", ColumnType.of(Kind.BLOB), true),
                col("token", sized(Kind.VARBINARY, 255), true),
                col("born", ColumnType.of(Kind.DATE), true),
                col("wakes", temporal(Kind.TIME, 0), true),
                col("created", temporal(Kind.TIMESTAMP, 6), true),
                col("seen", temporal(Kind.TIMESTAMP_TZ, 6), true),
                col("external_id", ColumnType.of(Kind.UUID), true),
                col("colour", enumOf("GREEN", "RED"), true),
                col("order", ColumnType.of(Kind.INTEGER), true)),
                new PrimaryKey("pk_app_user", List.of("id")),
                List.of(new UniqueConstraint("uk_app_user_email", List.of("email"))),
                List.of(new Index("ix_app_user_status_created", List.of("status", "created"), false)),
                List.of());
    }

    /** account: a sequence-generated key and a foreign key to app_user. */
    public static Table account() {
        return new Table("account", List.of(
                col("id", ColumnType.of(Kind.BIGINT), false),
                col("owner_id", ColumnType.of(Kind.BIGINT), false),
                col("name", ColumnType.varchar(100), true),
                col("number", ColumnType.varchar(34), false)),
                new PrimaryKey("pk_account", List.of("id")),
                List.of(new UniqueConstraint("uk_account_number", List.of("number"))),
                List.of(),
                List.of(new ForeignKey("fk_account_owner_id", List.of("owner_id"), "app_user", List.of("id"))));
    }

    /** Version 1: app_user, account and account's sequence. */
    public static Schema v1() {
        return new Schema(List.of(appUser(), account()), List.of(new Sequence("account_seq", 1, 50)));
    }

    /**
     * Version 2: account.name widened and made NOT NULL, account.number renamed to iban (with renames) and its
     * unique constraint replaced by an index, a nullable and a NOT NULL column added, app_user.rank dropped, a new
     * tag table with a join table, a new sequence, account_seq's increment changed.
     */
    public static Schema v2() {
        Table user = appUser();
        List<Column> userColumns = new ArrayList<>(user.columns());
        userColumns.removeIf(c -> c.name().equals("rank"));
        userColumns.add(col("nickname", ColumnType.varchar(40), true));
        user = new Table(user.name(), userColumns, user.primaryKey(), user.uniques(), user.indexes(), List.of());
        Table account = new Table("account", List.of(
                col("id", ColumnType.of(Kind.BIGINT), false),
                col("owner_id", ColumnType.of(Kind.BIGINT), false),
                col("name", ColumnType.varchar(200), false),
                col("iban", ColumnType.varchar(34), false),
                new Column("kind", ColumnType.varchar(10), false, "'std'", false)),
                new PrimaryKey("pk_account", List.of("id")),
                List.of(),
                List.of(new Index("ix_account_iban", List.of("iban"), false)),
                List.of(new ForeignKey("fk_account_owner_id", List.of("owner_id"), "app_user", List.of("id"))));
        Table tag = new Table("tag", List.of(
                col("id", ColumnType.of(Kind.BIGINT), false),
                col("label", ColumnType.varchar(50), false)),
                new PrimaryKey("pk_tag", List.of("id")),
                List.of(new UniqueConstraint("uk_tag_label", List.of("label"))), List.of(), List.of());
        Table accountTag = new Table("account_tag", List.of(
                col("account_id", ColumnType.of(Kind.BIGINT), false),
                col("tag_id", ColumnType.of(Kind.BIGINT), false)),
                new PrimaryKey("pk_account_tag", List.of("account_id", "tag_id")),
                List.of(), List.of(),
                List.of(new ForeignKey("fk_account_tag_account_id", List.of("account_id"), "account", List.of("id")),
                        new ForeignKey("fk_account_tag_tag_id", List.of("tag_id"), "tag", List.of("id"))));
        return new Schema(List.of(user, account, tag, accountTag),
                List.of(new Sequence("account_seq", 1, 20), new Sequence("tag_seq", 1, 50)));
    }

    /** The renames that turn v1 into v2 without losing account.number. */
    public static Renames v2Renames() {
        return Renames.parse("account.number:iban");
    }

    /**
     * Version 3: tag renamed to topic (with renames), account_tag's primary key reordered, account.kind's default
     * changed, app_user's index dropped, tag_seq replaced by topic_seq.
     */
    public static Schema v3() {
        Schema v2 = v2();
        Table user = v2.table("app_user").orElseThrow();
        user = new Table(user.name(), user.columns(), user.primaryKey(), user.uniques(), List.of(), List.of());
        Table account = v2.table("account").orElseThrow();
        List<Column> accountColumns = new ArrayList<>(account.columns());
        accountColumns.replaceAll(c -> c.name().equals("kind")
                ? new Column("kind", c.type(), c.nullable(), "'gold'", false) : c);
        account = new Table("account", accountColumns, account.primaryKey(), account.uniques(), account.indexes(),
                account.foreignKeys());
        Table tag = v2.table("tag").orElseThrow();
        Table topic = new Table("topic", tag.columns(), tag.primaryKey(), tag.uniques(), tag.indexes(), List.of());
        Table accountTag = v2.table("account_tag").orElseThrow();
        accountTag = new Table("account_tag", accountTag.columns(),
                new PrimaryKey("pk_account_tag", List.of("tag_id", "account_id")), List.of(), List.of(),
                List.of(accountTag.foreignKeys().get(0),
                        new ForeignKey("fk_account_tag_tag_id", List.of("tag_id"), "topic", List.of("id"))));
        return new Schema(List.of(user, account, topic, accountTag),
                List.of(new Sequence("account_seq", 1, 20), new Sequence("topic_seq", 1, 50)));
    }

    /** The renames that turn v2 into v3. */
    public static Renames v3Renames() {
        return Renames.parse("tag:topic");
    }
}
