package javassist;

public class CtClass {
}
