package dc;
import jakarta.persistence.*;
@Entity
public class Account { @Id private Long id; @Column(length = 200) private String name; }
