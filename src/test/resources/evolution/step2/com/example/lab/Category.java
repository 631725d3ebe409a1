package com.example.lab;

public enum Category {
    BOOK, MUSIC, GAME
}
