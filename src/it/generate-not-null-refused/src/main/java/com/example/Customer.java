package com.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {
    @Id
    private Long id;
    @Column(nullable = false)
    private String email;
    @Column(nullable = false, length = 3)
    private String currency;
}
