package it.shop;

import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;

@Embeddable
public class Address {
    private String city;

    @ManyToOne
    private Customer contact;
}
