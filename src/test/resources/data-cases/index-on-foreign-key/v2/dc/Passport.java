package dc;
import jakarta.persistence.*;
@Entity
@Table(indexes = @Index(name = "ix_passport_owner_id", columnList = "owner_id"))
public class Passport { @Id private Long id; @ManyToOne private Owner owner; }
