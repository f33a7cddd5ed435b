package com.alipay.sofa.koupleless.base;

public class BaseStarter {
    public static String name() { return "koupleless-base"; }
}
