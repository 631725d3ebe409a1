package com.example.lab;

import jakarta.persistence.Entity;

@Entity
public class BankTransfer extends Payment {

    private String iban;
}
