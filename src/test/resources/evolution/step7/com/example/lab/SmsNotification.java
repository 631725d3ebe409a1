package com.example.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class SmsNotification extends Notification {

    @Column(length = 20)
    private String phoneNumber;
}
