package io.netty.example.echo;

public final class EchoServer {
    public static void main(String[] args) {
        System.exit(0);
    }
}
