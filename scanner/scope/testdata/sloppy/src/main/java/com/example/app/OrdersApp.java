package com.example.app;

public class OrdersApp {
}
