package io.github.qalab.sql.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One field per Java type of types.md, so that Hibernate's reference DDL shows the column type it expects. */
@Entity
public class TypeProbe {
    /** Constants for the enum columns. */
    public enum Colour { RED, GREEN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String t_varchar;
    @Column(length = 40)
    String t_varchar40;
    @Lob
    String t_clob;
    char t_char;
    boolean t_boolean;
    byte t_tinyint;
    short t_smallint;
    int t_integer;
    long t_bigint;
    float t_real;
    double t_double;
    BigDecimal t_decimal;
    @Column(precision = 10, scale = 3)
    BigDecimal t_decimal10;
    BigInteger t_biginteger;
    LocalDate t_date;
    LocalTime t_time;
    LocalDateTime t_timestamp;
    Instant t_instant;
    OffsetDateTime t_offset;
    UUID t_uuid;
    byte[] t_varbinary;
    @Lob
    byte[] t_blob;
    @Enumerated(EnumType.STRING)
    Colour t_enum;
    @Enumerated(EnumType.ORDINAL)
    Colour t_ordinal;
}
