package com.example.net.generator;

// A protocol's frame generator: production code, used by the server.
public class FrameGenerator {
    public static void main(String[] args) {
        System.out.println(new FrameGenerator().frame());
    }

    public byte[] frame() {
        return new byte[0];
    }
}
