plugins {
    java
    id("sofa-ark-gradle-plugin")
}

group = "com.acme"
version = "1.0.0"

dependencies {
    compileOnly("com.alipay.sofa.koupleless:koupleless-app-starter:1.2.3")
    implementation("org.apache.commons:commons-lang3:3.12.0")
    implementation("com.fasterxml.jackson.core:jackson-databind:2.15.2")
    implementation("com.google.guava:guava:31.1-jre")
}

val shared = "org.apache.commons"

configure<SofaArkGradlePluginExtension> {
    excludeGroupIds.set(setOf("com.fasterxml.jackson.core"))
    excludeArtifactIds.add("guava")
    excludeGroupIds.add(shared)
    declaredMode.set(true)
}
