package com.example.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

    @Column(length = 120)
    private String street;

    private String city;

    @Column(name = "postal_code", length = 10)
    private String zipCode;

    private String countryCode;
}
