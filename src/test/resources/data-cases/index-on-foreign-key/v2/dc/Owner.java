package dc;
import jakarta.persistence.*;
@Entity
public class Owner { @Id private Long id; private String name; }
