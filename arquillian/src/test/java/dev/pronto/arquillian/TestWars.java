package dev.pronto.arquillian;

import example.greeting.GreetingServlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds the small web archives the tests deploy. Stateless. */
final class TestWars {

    /** The descriptor's start both archives share: the greeting servlet at {@code /greet}. */
    private static final String GREETING_START = """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                          <servlet>
                            <servlet-name>greeting</servlet-name>
                            <servlet-class>example.greeting.GreetingServlet</servlet-class>
                            <init-param>
                              <param-name>greeting</param-name>
                              <param-value>hello</param-value>
                            </init-param>
                          </servlet>
                          <servlet-mapping>
                            <servlet-name>greeting</servlet-name>
                            <url-pattern>/greet</url-pattern>
                          </servlet-mapping>
                        """;

    private TestWars() {
    }

    /** A WAR with {@link GreetingServlet} at {@code /greet} (named "greeting" in web.xml) and a static page. */
    static WebArchive greeting(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClass(GreetingServlet.class)
                .addAsWebResource(new StringAsset("<p>static</p>"), "index.html")
                .setWebXML(new StringAsset(GREETING_START + "</web-app>\n"));
    }

    /** {@link #greeting} whose {@code /greet} needs the role {@code staff} (BASIC). */
    static WebArchive securedGreeting(String name) {
        return securedGreeting(name, "BASIC");
    }

    /** {@link #greeting} whose {@code /greet} needs the role {@code staff}, logged in by {@code authMethod}. */
    static WebArchive securedGreeting(String name, String authMethod) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClass(GreetingServlet.class)
                .setWebXML(new StringAsset(GREETING_START + """
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>all</web-resource-name>
                              <url-pattern>/*</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>staff</role-name></auth-constraint>
                          </security-constraint>
                          <login-config><auth-method>%s</auth-method></login-config>
                          <security-role><role-name>staff</role-name></security-role>
                        </web-app>
                        """.formatted(authMethod)));
    }
}
