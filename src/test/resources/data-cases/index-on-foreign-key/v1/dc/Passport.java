package dc;
import jakarta.persistence.*;
@Entity
public class Passport { @Id private Long id; @ManyToOne private Owner owner; }
