package dev.pronto.deploy.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of a descriptor read by {@link XmlReader}: local name, namespace, attributes, trimmed text, children,
 * and where it starts (for error messages). Immutable once read; thread-safe.
 */
public final class XmlElement {

    private final String name;
    private final String namespace;
    private final Map<String, String> attributes;
    private final String location;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String doctypePublicId;

    XmlElement(String name, String namespace, Map<String, String> attributes, String location) {
        this.name = name;
        this.namespace = namespace;
        this.attributes = attributes;
        this.location = location;
    }

    void append(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    void doctypePublicId(String publicId) {
        this.doctypePublicId = publicId;
    }

    /** The public id of the document's {@code <!DOCTYPE>} (root element only), or null. */
    public String doctypePublicId() {
        return doctypePublicId;
    }

    void add(XmlElement child) {
        children.add(child);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String attribute(String localName) {
        return attributes.get(localName);
    }

    /** The element's own text, trimmed (descriptor values are tokens; surrounding whitespace never counts). */
    public String text() {
        return text.toString().trim();
    }

    /** {@code file:line:column} of the start tag. */
    public String location() {
        return location;
    }

    public List<XmlElement> children() {
        return children;
    }

    public List<XmlElement> children(String localName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first child of that name, or {@code null}. */
    public XmlElement child(String localName) {
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                return child;
            }
        }
        return null;
    }

    /** The text of the first child of that name, or {@code null} if there is no such child. */
    public String childText(String localName) {
        XmlElement child = child(localName);
        return child == null ? null : child.text();
    }

    /** The texts of every child of that name, in document order. */
    public List<String> childTexts(String localName) {
        List<String> texts = new ArrayList<>();
        for (XmlElement child : children(localName)) {
            texts.add(child.text());
        }
        return texts;
    }

    @Override
    public String toString() {
        return "<" + name + "> at " + location;
    }
}
