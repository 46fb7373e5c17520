package dev.pronto.servlet.resource;

/** Normalises context-relative resource paths and refuses those that leave the root. Stateless. */
public final class ResourcePaths {

    private ResourcePaths() {
    }

    /**
     * {@code path} without dot segments or empty segments, starting with '/', or {@code null} if it is not a
     * valid resource path (does not start with '/', climbs above the root, or contains NUL or a backslash).
     */
    public static String normalize(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.indexOf('\0') >= 0
                || path.indexOf('\\') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(path.length());
        int depth = 0;
        int i = 0;
        while (i < path.length()) {
            int next = path.indexOf('/', i + 1);
            if (next < 0) {
                next = path.length();
            }
            String segment = path.substring(i + 1, next);
            if (segment.equals("..")) {
                if (depth == 0) {
                    return null;
                }
                out.setLength(out.lastIndexOf("/"));
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                out.append('/').append(segment);
                depth++;
            }
            i = next;
        }
        boolean directory = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        if (out.length() == 0 || directory) {
            out.append('/');
        }
        return out.toString();
    }
}
