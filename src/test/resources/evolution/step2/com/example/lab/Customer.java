package com.example.lab;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Entity
public class Customer extends BaseEntity {

    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    @Column(nullable = false, length = 100)
    private String name;

    private String email;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Status status;

    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "home_city", length = 80))
    private Address address;

    private transient String displayCache;

    private static int instances;
}
