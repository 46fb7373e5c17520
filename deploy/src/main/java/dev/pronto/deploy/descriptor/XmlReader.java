package dev.pronto.deploy.descriptor;

import dev.pronto.deploy.DeploymentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Reads a descriptor with the JDK's SAX parser into {@link XmlElement}s that remember their line and column.
 * External entities and DTDs are never fetched (a descriptor must not make the server reach the network or the
 * disk). A malformed document fails with its file, line and column. Stateless; thread-safe.
 */
public final class XmlReader {

    private XmlReader() {
    }

    /** Parses {@code in}; {@code source} names the file in messages (e.g. {@code WEB-INF/web.xml}). */
    public static XmlElement read(InputStream in, String source) {
        Handler handler = new Handler(source);
        try {
            SAXParser parser = parser();
            // to see the DOCTYPE's public id: Servlet 2.2/2.3 descriptors say their version only there
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            parser.parse(new InputSource(in), handler);
        } catch (SAXParseException e) {
            throw new DeploymentException("Malformed descriptor " + source + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new DeploymentException("Cannot read descriptor " + source + ": " + e.getMessage(), e);
        }
        if (handler.root == null) {
            throw new DeploymentException("Empty descriptor " + source);
        }
        return handler.root;
    }

    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's SAX parser cannot be configured securely", e);
        }
    }

    /** Builds the element tree; one per document. */
    private static final class Handler extends DefaultHandler2 {
        private final String source;
        private final Deque<XmlElement> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;
        private String doctypePublicId;

        Handler(String source) {
            this.source = source;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {
            doctypePublicId = publicId;
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId) {
            return new InputSource(new ByteArrayInputStream(new byte[0])); // never fetch a DTD or an entity
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> attrs = new HashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i);
                attrs.put(name == null || name.isEmpty() ? attributes.getQName(i) : name, attributes.getValue(i));
            }
            String where = locator == null ? source : source + ":" + locator.getLineNumber() + ":"
                    + locator.getColumnNumber();
            XmlElement element = new XmlElement(localName == null || localName.isEmpty() ? qName : localName,
                    uri == null ? "" : uri, attrs, where);
            if (open.isEmpty()) {
                root = element;
                element.doctypePublicId(doctypePublicId);
            } else {
                open.peek().add(element);
            }
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().append(ch, start, length);
            }
        }
    }
}
