package io.github.qalab.diff;

import io.github.qalab.diff.Operation.AddColumn;
import io.github.qalab.diff.Operation.AddForeignKey;
import io.github.qalab.diff.Operation.AlterColumn;
import io.github.qalab.diff.Operation.AlterSequence;
import io.github.qalab.diff.Operation.CreateIndex;
import io.github.qalab.diff.Operation.CreateSequence;
import io.github.qalab.diff.Operation.CreateTable;
import io.github.qalab.diff.Operation.DropColumn;
import io.github.qalab.diff.Operation.DropForeignKey;
import io.github.qalab.diff.Operation.DropTable;
import io.github.qalab.diff.Operation.DropUniqueConstraint;
import io.github.qalab.diff.Operation.RenameColumn;
import io.github.qalab.diff.Operation.RenameTable;
import io.github.qalab.schema.ColumnType;
import io.github.qalab.schema.ColumnType.Kind;
import io.github.qalab.schema.Index;
import io.github.qalab.schema.Schema;
import io.github.qalab.schema.Table;
import io.github.qalab.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.qalab.diff.SampleSchemas.account;
import static io.github.qalab.diff.SampleSchemas.appUser;
import static io.github.qalab.diff.SampleSchemas.v1;
import static io.github.qalab.diff.SampleSchemas.v2;
import static io.github.qalab.diff.SampleSchemas.v2Renames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDiffTest {

    @Test
    void sameSchemaGivesNoOperations() {
        SchemaDiff diff = SchemaDiff.compare(v1(), v1(), Renames.NONE);
        assertTrue(diff.isEmpty(), diff.operations().toString());
        assertTrue(diff.warnings().isEmpty());
    }

    @Test
    void fromEmptyCreatesSequencesAndTablesBeforeForeignKeys() {
        List<Operation> ops = SchemaDiff.compare(Schema.EMPTY, v1(), Renames.NONE).operations();
        assertEquals(List.of("create sequence account_seq", "create table account", "create table app_user",
                "add foreign key fk_account_owner_id account[owner_id] -> app_user[id]"),
                ops.stream().map(Operation::describe).toList());
        CreateTable account = (CreateTable) ops.get(1);
        assertTrue(account.table().foreignKeys().isEmpty(), "foreign keys are separate operations");
    }

    @Test
    void toEmptyDropsForeignKeysBeforeTablesAndTheInverseRecreatesEverything() {
        SchemaDiff diff = SchemaDiff.compare(v1(), Schema.EMPTY, Renames.NONE);
        assertEquals(List.of("drop foreign key fk_account_owner_id on account", "drop table account",
                "drop table app_user", "drop sequence account_seq"),
                diff.operations().stream().map(Operation::describe).toList());
        assertTrue(diff.operations().get(1).lossy());
        // The inverse creates the same objects (tables in reverse name order) and rebuilds the same schema.
        assertEquals(List.of("create sequence account_seq", "create table app_user", "create table account",
                "add foreign key fk_account_owner_id account[owner_id] -> app_user[id]"),
                diff.inverse().stream().map(Operation::describe).toList());
        assertEquals(v1(), apply(Schema.EMPTY, diff.inverse()));
    }

    @Test
    void evolutionIsOrderedAndItsInverseIsTheReverseDiff() {
        SchemaDiff diff = SchemaDiff.compare(v1(), v2(), v2Renames());
        List<String> described = diff.operations().stream().map(Operation::describe).toList();
        assertEquals(List.of(
                "rename column account.number to iban",
                "drop unique constraint uk_account_number on account",
                "alter sequence account_seq",
                "create sequence tag_seq",
                "create table account_tag",
                "create table tag",
                "add column account.kind",
                "add column app_user.nickname",
                "alter column account.name",
                "create index ix_account_iban on account[iban]",
                "drop column app_user.rank",
                "add foreign key fk_account_tag_account_id account_tag[account_id] -> account[id]",
                "add foreign key fk_account_tag_tag_id account_tag[tag_id] -> tag[id]"), described);
        assertTrue(diff.warnings().isEmpty(), diff.warnings().toString());

        AlterColumn alter = (AlterColumn) diff.operations().get(8);
        assertTrue(alter.typeChanged());
        assertTrue(alter.nullabilityChanged());
        assertEquals(ColumnType.varchar(100), alter.from().type());

        // Undoing the evolution is the same as diffing backwards (with the rename reversed), by meaning.
        Schema undone = apply(v2(), diff.inverse());
        assertTrue(SchemaDiff.compare(undone, v1(), Renames.NONE).isEmpty());
        assertTrue(SchemaDiff.compare(apply(v1(), diff.operations()), v2(), Renames.NONE).isEmpty());
    }

    @Test
    void inversesAreInvolutionsAndOnlyDropsOfDataAreLossy() {
        for (Operation op : SchemaDiff.compare(v1(), v2(), v2Renames()).operations()) {
            assertEquals(op, op.inverse().inverse(), op.describe());
            assertEquals(op instanceof DropColumn || op instanceof DropTable, op.lossy(), op.describe());
        }
    }

    @Test
    void withoutRenamesADropAndAddOfTheSameTypeIsAWarning() {
        SchemaDiff diff = SchemaDiff.compare(v1(), v2(), Renames.NONE);
        assertTrue(diff.operations().stream().anyMatch(o -> o instanceof DropColumn d && d.column().name().equals("number")));
        assertTrue(diff.operations().stream().anyMatch(o -> o instanceof AddColumn a && a.column().name().equals("iban")));
        assertEquals(List.of("Column account.number is dropped and account.iban of the same type is added: if this is"
                + " a rename, generate again with -Dqalab.renames=account.number:iban"), diff.warnings());
    }

    @Test
    void tableRenameCarriesForeignKeysAlong() {
        Table renamed = new Table("customer", appUser().columns(), appUser().primaryKey(), appUser().uniques(),
                appUser().indexes(), List.of());
        Table account = account();
        Table accountToCustomer = new Table("account", account.columns(), account.primaryKey(), account.uniques(),
                account.indexes(), List.of(new io.github.qalab.schema.ForeignKey("fk_account_owner_id",
                List.of("owner_id"), "customer", List.of("id"))));
        Schema desired = new Schema(List.of(renamed, accountToCustomer), v1().sequences());

        SchemaDiff plain = SchemaDiff.compare(v1(), desired, Renames.NONE);
        assertTrue(plain.warnings().get(0).contains("-Dqalab.renames=app_user:customer"), plain.warnings().toString());

        SchemaDiff diff = SchemaDiff.compare(v1(), desired, Renames.parse("app_user:customer"));
        assertEquals(List.of(new RenameTable("app_user", "customer")), diff.operations());
    }

    @Test
    void constraintsCompareByMeaningNotByName() {
        Table user = appUser();
        Table otherNames = new Table(user.name(), user.columns(), new io.github.qalab.schema.PrimaryKey("PRIMARY",
                List.of("id")), List.of(), List.of(new Index("whatever", List.of("status", "created"), false),
                new Index("email_unique_idx", List.of("email"), true)), List.of());
        assertTrue(SchemaDiff.compare(new Schema(List.of(otherNames), List.of()), new Schema(List.of(user), List.of()),
                Renames.NONE).isEmpty());

        Table moved = new Table(user.name(), user.columns(), user.primaryKey(),
                List.of(new UniqueConstraint("uk_app_user_email", List.of("email", "status"))), user.indexes(), List.of());
        List<Operation> ops = SchemaDiff.compare(new Schema(List.of(user), List.of()),
                new Schema(List.of(moved), List.of()), Renames.NONE).operations();
        assertInstanceOf(DropUniqueConstraint.class, ops.get(0));
        assertEquals(2, ops.size());
    }

    @Test
    void retypingAForeignKeyColumnRecreatesTheKey() {
        Schema current = v1();
        Table account = account();
        Table retyped = new Table("account", List.of(account.columns().get(0),
                SampleSchemas.col("owner_id", ColumnType.of(Kind.INTEGER), false), account.columns().get(2),
                account.columns().get(3)), account.primaryKey(), account.uniques(), account.indexes(),
                account.foreignKeys());
        List<Operation> ops = SchemaDiff.compare(current, new Schema(List.of(appUser(), retyped), current.sequences()),
                Renames.NONE).operations();
        assertInstanceOf(DropForeignKey.class, ops.get(0));
        assertInstanceOf(AlterColumn.class, ops.get(1));
        assertInstanceOf(AddForeignKey.class, ops.get(2));
    }

    @Test
    void enumConstantsCompareAsASetAndDefaultsByMeaning() {
        assertTrue(TypeEquivalence.EXACT.same(SampleSchemas.enumOf("B", "A"), SampleSchemas.enumOf("A", "B")));
        assertFalse(TypeEquivalence.EXACT.same(SampleSchemas.enumOf("A"), SampleSchemas.enumOf("A", "B")));
        assertTrue(SchemaDiff.sameDefault("(0)", "0"));
        assertTrue(SchemaDiff.sameDefault("NULL", ""));
        assertTrue(SchemaDiff.sameDefault("CURRENT_TIMESTAMP", "current_timestamp"));
        assertFalse(SchemaDiff.sameDefault("'A'", "'a'"));
    }

    @Test
    void outputIsDeterministic() {
        assertEquals(SchemaDiff.compare(v1(), v2(), v2Renames()), SchemaDiff.compare(v1(), v2(), v2Renames()));
        assertEquals(SchemaDiff.compare(Schema.EMPTY, v2(), Renames.NONE).operations().stream()
                .filter(o -> o instanceof CreateSequence || o instanceof AlterSequence).count(), 2);
    }

    @Test
    void renamesParseAndRejectBadEntries() {
        Renames r = Renames.parse(" account.number:iban , app_user:customer ");
        assertEquals(List.of(new Renames.ColumnRename("account", "number", "iban")), r.columns());
        assertEquals(List.of(new Renames.TableRename("app_user", "customer")), r.tables());
        assertEquals(Renames.NONE, Renames.parse(""));
        // a table in a schema: schema.table.column (the hint generate gives for one)
        assertEquals(List.of(new Renames.ColumnRename("billing.invoice", "legacy_code", "code")),
                Renames.parse("billing.invoice.legacy_code:code").columns());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Renames.parse("a.b.c.d:e"));
        assertTrue(e.getMessage().contains("table.old_column:new_column"));
        assertThrows(IllegalArgumentException.class, () -> Renames.parse("a..c:d"));
        assertThrows(IllegalArgumentException.class, () -> Renames.parse(".a.c:d"));
        assertThrows(IllegalArgumentException.class, () -> Renames.parse("account.number"));
        SchemaDiff ignored = SchemaDiff.compare(v1(), v1(), Renames.parse("account.nope:iban"));
        assertTrue(ignored.isEmpty());
        assertTrue(ignored.warnings().get(0).startsWith("Rename account.nope:iban ignored"));
    }

    @Test
    void aColumnOfATableInASchemaIsRenamedWithThreeParts() {
        io.github.qalab.schema.ColumnType text = io.github.qalab.schema.ColumnType.of(
                io.github.qalab.schema.ColumnType.Kind.VARCHAR);
        Schema before = new Schema(List.of(new io.github.qalab.schema.Table("billing.invoice", List.of(
                new io.github.qalab.schema.Column("legacy_code", text, true, null, false)), null, List.of(), List.of(),
                List.of())), List.of());
        Schema after = new Schema(List.of(new io.github.qalab.schema.Table("billing.invoice", List.of(
                new io.github.qalab.schema.Column("code", text, true, null, false)), null, List.of(), List.of(),
                List.of())), List.of());
        SchemaDiff diff = SchemaDiff.compare(before, after, Renames.parse("billing.invoice.legacy_code:code"));
        assertEquals(1, diff.operations().size(), diff.operations().toString());
        assertTrue(diff.operations().get(0) instanceof RenameColumn, diff.operations().toString());
    }

    @Test
    void renameColumnInverseRestoresTheOldName() {
        RenameColumn op = (RenameColumn) SchemaDiff.compare(v1(), v2(), v2Renames()).operations().get(0);
        RenameColumn back = (RenameColumn) op.inverse();
        assertEquals("iban", back.from());
        assertEquals("number", back.to());
        assertEquals("number", back.column().name());
        assertInstanceOf(CreateIndex.class, SchemaDiff.compare(v1(), v2(), v2Renames()).operations().get(9));
    }

    /** Applies operations to a schema model: an independent interpreter that checks the diff's meaning. */
    static Schema apply(Schema schema, List<Operation> ops) {
        Schema s = schema;
        for (Operation op : ops) {
            s = SchemaModelInterpreter.apply(s, op);
        }
        return s;
    }
}
