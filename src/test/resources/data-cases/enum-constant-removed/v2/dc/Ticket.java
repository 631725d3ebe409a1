package dc;
import jakarta.persistence.*;
@Entity
public class Ticket {
    public enum Priority { LOW, MEDIUM }
    public enum Severity { MINOR, MAJOR }
    @Id private Long id;
    @Enumerated(EnumType.STRING) private Priority priority;
    private Severity severity;
}
