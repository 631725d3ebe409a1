package com.example.lab;

import jakarta.persistence.Entity;

@Entity
public class EmailNotification extends Notification {

    private String subject;
}
