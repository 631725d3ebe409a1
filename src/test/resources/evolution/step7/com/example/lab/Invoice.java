package com.example.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalTime;

@Entity
public class Invoice extends Document {

    @Column(precision = 10)
    private BigDecimal amount;

    private LocalTime dueTime;

    private char grade;

    private Character flag;

    private byte level;

    private short rank;

    private float ratio;

    private Double score;

    private BigInteger serialNumber;

    @Lob
    private byte[] pdf;

    @Column(columnDefinition = "varchar(20)")
    private String code;
}
