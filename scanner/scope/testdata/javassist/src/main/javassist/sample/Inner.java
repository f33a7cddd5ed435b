package javassist.sample;

public class Inner {
}
