package com.example.lab;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(indexes = @Index(columnList = "email"),
        uniqueConstraints = @UniqueConstraint(name = "uk_customer_name_phone", columnNames = {"name", "phone"}))
public class Customer extends BaseEntity {

    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Status status;

    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "home_city", length = 80))
    private Address address;

    @OneToMany(mappedBy = "customer")
    private List<PurchaseOrder> orders = new ArrayList<>();

    private transient String displayCache;

    private static int instances;
}
