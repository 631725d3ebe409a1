package com.example.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;

import java.util.HashSet;
import java.util.Set;

@Entity
public class Tag {

    private static final int LABEL_LENGTH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_gen")
    @SequenceGenerator(name = "tag_gen", sequenceName = "tag_ids", allocationSize = 10)
    private Long id;

    @Column(nullable = false, unique = true, length = LABEL_LENGTH)
    private String label;

    @ManyToMany(mappedBy = "tags")
    private Set<Product> products = new HashSet<>();
}
