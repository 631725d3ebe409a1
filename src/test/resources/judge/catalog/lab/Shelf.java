package lab;

import jakarta.persistence.*;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.annotations.ColumnDefault;

/** The parent: a sequence key, a unique constraint, two named indexes, a default, an enum and a range check. */
@Entity
@Table(name = "shelf",
        uniqueConstraints = @UniqueConstraint(name = "uq_shelf_code", columnNames = "code"),
        indexes = {@Index(name = "ix_shelf_label", columnList = "label"),
                @Index(name = "ix_shelf_code_label", columnList = "code, label")})
public class Shelf {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @NotBlank
    @Column(length = 40)
    private String code;

    private String label;

    @ColumnDefault("7")
    private Integer shelfRank;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Min(1)
    @Max(9)
    private Integer grade;

    private String note;
}
