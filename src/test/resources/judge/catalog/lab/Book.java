package lab;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** The child: an identity key, a NOT NULL foreign key with ON DELETE CASCADE, a unique column, assorted types. */
@Entity
@Table(name = "book")
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Shelf shelf;

    @ManyToOne
    private Book sequel;

    @Column(unique = true, length = 20)
    private String isbn;

    @Column(precision = 12, scale = 3)
    private BigDecimal price;

    private Instant shelvedAt;

    private LocalDate printedOn;

    private boolean signed;

    private UUID token;

    private String title;
}
