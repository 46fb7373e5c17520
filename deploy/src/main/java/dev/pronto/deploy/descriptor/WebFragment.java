package dev.pronto.deploy.descriptor;

/**
 * A library jar of {@code WEB-INF/lib} as the ordering sees it: its file name and its {@code web-fragment.xml}
 * ({@code null} if it has none, which makes it an unnamed fragment, Servlet 6.1 §8.2.2). Immutable.
 */
public record WebFragment(String jarName, WebXml descriptor) {

    /** The fragment's {@code <name>}, or {@code null}. */
    public String name() {
        return descriptor == null ? null : descriptor.name;
    }

    @Override
    public String toString() {
        return name() != null ? name() + " (" + jarName + ")" : jarName;
    }
}
