package dev.pronto.deploy;

import java.nio.file.Path;

/**
 * The context path a WAR gets from its file name, as Tomcat names them: {@code ROOT} is the root, {@code shop.war}
 * is {@code /shop}, and {@code #} stands for a slash ({@code shop#v2.war} is {@code /shop/v2}). Stateless.
 */
final class ContextPaths {

    private ContextPaths() {
    }

    /** The file or directory name without {@code .war}. */
    static String baseName(Path war) {
        Path fileName = war.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "ROOT" : fileName.toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".war") ? name.substring(0, name.length() - 4) : name;
    }

    /** {@code ""} for the root, else {@code /name}. */
    static String fromFileName(Path war) {
        String base = baseName(war);
        return base.equals("ROOT") || base.isEmpty() ? "" : "/" + base.replace('#', '/');
    }

    /** A configured context path in the bridge's form: {@code "/"} and {@code ""} are the root. */
    static String normalize(String contextPath) {
        if (contextPath == null || contextPath.isEmpty() || contextPath.equals("/")) {
            return "";
        }
        String path = contextPath.startsWith("/") ? contextPath : "/" + contextPath;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
