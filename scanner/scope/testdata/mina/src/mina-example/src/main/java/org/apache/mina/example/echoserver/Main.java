package org.apache.mina.example.echoserver;

public class Main {
}
