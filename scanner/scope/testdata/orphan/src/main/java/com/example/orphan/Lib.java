package com.example.orphan;

public class Lib {
}
