package dc;
import jakarta.persistence.*;
@Entity
public class Ticket {
    public enum Priority { LOW, MEDIUM, HIGH }
    public enum Severity { MINOR, MAJOR, CRITICAL }
    @Id private Long id;
    @Enumerated(EnumType.STRING) private Priority priority;
    private Severity severity;
}
