package com.acme.base;

public class BaseApp {
    public static void main(String[] args) {
        System.out.println(com.alipay.sofa.koupleless.base.BaseStarter.name());
    }
}
