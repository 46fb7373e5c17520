package dev.pronto.servlet.context;

import jakarta.servlet.Registration;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What servlet and filter registrations share: name, class name, init parameters, async support, and the
 * component's life cycle (created and initialised once, on first use; destroyed at stop). Mutable only while the
 * application is being configured ({@link WebApplication#checkConfigurable}); then read-only. {@link #component()}
 * is thread-safe.
 */
abstract class RegistrationBase<T> implements Registration.Dynamic {

    final WebApplication app;
    private final String name;
    private final String className;
    private final Map<String, String> initParameters = new LinkedHashMap<>();
    volatile boolean asyncSupported;
    private volatile T instance;
    private volatile boolean initialized;

    RegistrationBase(WebApplication app, String name, String className, T instance) {
        this.app = app;
        this.name = name;
        this.className = className;
        this.instance = instance;
    }

    /** Instantiates the component when it was registered by class. */
    abstract T create() throws ServletException;

    /** Calls the component's {@code init} with this registration as its configuration. */
    abstract void initialize(T component) throws ServletException;

    /** Calls the component's {@code destroy}. */
    abstract void destroy(T component);

    /** The initialised component, created and initialised on first use (double-checked: one init per component). */
    final T component() throws ServletException {
        if (initialized) {
            return instance;
        }
        synchronized (this) {
            if (!initialized) {
                T component = instance != null ? instance : create();
                app.withContextClassLoader(() -> initialize(component));
                instance = component;
                initialized = true;
            }
            return instance;
        }
    }

    /** Destroys the component if it was initialised; a failure is logged, not thrown. */
    final synchronized void destroy() {
        if (initialized) {
            initialized = false;
            try {
                destroy(instance);
            } catch (RuntimeException e) {
                app.log().warn("{} failed to destroy", this, e);
            }
        }
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
