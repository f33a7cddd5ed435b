package com.example.order;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class OrderApplication {
    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        System.setProperty("app.id", "order-service");
        ConfigurableApplicationContext ctx = SpringApplication.run(OrderApplication.class, args);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ctx.close()));
    }
}
