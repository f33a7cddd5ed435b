plugins {
    java
}

dependencies {
    implementation("org.slf4j:slf4j-api:1.7.36")
    implementation(group = "ch.qos.logback", name = "logback-classic", version = "1.2.12")
    testImplementation("org.junit.jupiter:junit-jupiter:5.8.2")
    implementation(enforcedPlatform("org.springframework.boot:spring-boot-dependencies:2.7.14"))
    implementation("com.squareup.okhttp3:okhttp")
}
