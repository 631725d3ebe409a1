package dc;
import jakarta.persistence.*;
@Entity
public class Voucher { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id; private String code; }
