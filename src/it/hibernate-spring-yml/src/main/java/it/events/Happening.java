package it.events;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

@Entity
public class Happening {
    @Id
    private Long id;

    private Instant occurredAt;

    private String shortTitle;
}
