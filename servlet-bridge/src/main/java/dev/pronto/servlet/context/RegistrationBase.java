package dev.pronto.servlet.context;

import jakarta.servlet.Registration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What servlet and filter registrations share: name, class name, init parameters and async support. Mutable only
 * while the application is being configured ({@link WebApplication#checkConfigurable}); then read-only.
 */
abstract class RegistrationBase implements Registration.Dynamic {

    final WebApplication app;
    private final String name;
    private final String className;
    private final Map<String, String> initParameters = new LinkedHashMap<>();
    volatile boolean asyncSupported;

    RegistrationBase(WebApplication app, String name, String className) {
        this.app = app;
        this.name = name;
        this.className = className;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public boolean setInitParameter(String name, String value) {
        if (name == null || value == null) {
            throw new IllegalArgumentException("Init parameter name and value must not be null");
        }
        app.checkConfigurable();
        return initParameters.putIfAbsent(name, value) == null;
    }

    @Override
    public String getInitParameter(String name) {
        return initParameters.get(name);
    }

    @Override
    public Set<String> setInitParameters(Map<String, String> params) {
        Set<String> conflicts = new HashSet<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("Init parameter name and value must not be null");
            }
            if (initParameters.containsKey(e.getKey())) {
                conflicts.add(e.getKey());
            }
        }
        if (conflicts.isEmpty()) {
            app.checkConfigurable();
            initParameters.putAll(params);
        }
        return conflicts;
    }

    @Override
    public Map<String, String> getInitParameters() {
        return Collections.unmodifiableMap(initParameters);
    }

    @Override
    public void setAsyncSupported(boolean isAsyncSupported) {
        app.checkConfigurable();
        this.asyncSupported = isAsyncSupported;
    }

    public boolean isAsyncSupported() {
        return asyncSupported;
    }
}
