package com.example.net;

import com.example.net.generator.FrameGenerator;

public class Server {
    private final FrameGenerator generator = new FrameGenerator();

    public byte[] next() {
        return generator.frame();
    }
}
