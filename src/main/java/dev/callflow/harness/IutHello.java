package dev.callflow.harness;

/** What an external implementation said of itself in its {@code hello}: its name and version ({@code ?} when it left one out). */
public record IutHello(String name, String version) {
}
