package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Product {

    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true, nullable = false, length = 40)
    private String sku;

    @Column(precision = 12, scale = 2)
    private BigDecimal price;

    private int stock;

    private double weight;

    private LocalDate releasedOn;

    @Lob
    private String description;

    private UUID externalId;

    private byte[] thumbnail;
}
