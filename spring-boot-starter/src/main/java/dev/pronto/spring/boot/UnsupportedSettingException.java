package dev.pronto.spring.boot;

import org.springframework.boot.web.server.WebServerException;

/**
 * Start-up refused because a setting asks for something Pronto cannot do yet; it names the property so the
 * setting is never silently ignored. Immutable.
 */
public class UnsupportedSettingException extends WebServerException {

    private final String property;
    private final String action;

    public UnsupportedSettingException(String property, String reason, String action) {
        super("Pronto cannot honour '" + property + "': " + reason, null);
        this.property = property;
        this.action = action;
    }

    /** The configuration property that asked for the unsupported behaviour. */
    public String getProperty() {
        return property;
    }

    /** What the user can do instead. */
    public String getAction() {
        return action;
    }
}
