package dc;
import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;
@Entity
public class Account {
    @Id private Long id;
    @Column(length = 100) private String name;
    @Column(nullable = false, length = 3) private String currency;
    @Column(nullable = false) @ColumnDefault("7") private Integer tier;
}
