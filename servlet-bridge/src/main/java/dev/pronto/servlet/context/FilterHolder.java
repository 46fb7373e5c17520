package dev.pronto.servlet.context;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A registered filter ({@code FilterRegistration.Dynamic}), its mappings and its life cycle: initialised at start,
 * destroyed at stop. Mappings are fixed once the application started; {@link #filter()} is thread-safe.
 */
public final class FilterHolder extends RegistrationBase<Filter> implements FilterRegistration.Dynamic, FilterConfig {

    /** One mapping declaration: URL patterns or servlet names, for some dispatcher types. Immutable. */
    public record Mapping(FilterHolder filter, EnumSet<DispatcherType> dispatcherTypes, List<String> urlPatterns,
                          List<String> servletNames) {
        public boolean appliesTo(DispatcherType type) {
            return dispatcherTypes.contains(type);
        }
    }

    private final Class<? extends Filter> filterClass;

    FilterHolder(WebApplication app, String name, Filter instance, Class<? extends Filter> filterClass) {
        super(app, name, instance != null ? instance.getClass().getName() : filterClass.getName(), instance);
        this.filterClass = instance != null ? instance.getClass() : filterClass;
    }

    @Override
    public void addMappingForServletNames(EnumSet<DispatcherType> dispatcherTypes, boolean isMatchAfter,
                                          String... servletNames) {
        if (servletNames == null || servletNames.length == 0) {
            throw new IllegalArgumentException("No servlet names given");
        }
        app.checkConfigurable();
        app.filterMappings().add(new Mapping(this, types(dispatcherTypes), List.of(), List.of(servletNames)),
                isMatchAfter);
    }

    @Override
    public void addMappingForUrlPatterns(EnumSet<DispatcherType> dispatcherTypes, boolean isMatchAfter,
                                         String... urlPatterns) {
        if (urlPatterns == null || urlPatterns.length == 0) {
            throw new IllegalArgumentException("No URL patterns given");
        }
        app.checkConfigurable();
        app.filterMappings().add(new Mapping(this, types(dispatcherTypes), List.of(urlPatterns), List.of()),
                isMatchAfter);
    }

    private static EnumSet<DispatcherType> types(EnumSet<DispatcherType> given) {
        // Servlet 6.1 §6.2.5: no dispatcher types means REQUEST only.
        return given == null || given.isEmpty() ? EnumSet.of(DispatcherType.REQUEST) : EnumSet.copyOf(given);
    }

    @Override
    public Collection<String> getServletNameMappings() {
        Set<String> names = new LinkedHashSet<>();
        for (Mapping m : app.filterMappings().all()) {
            if (m.filter() == this) {
                names.addAll(m.servletNames());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public Collection<String> getUrlPatternMappings() {
        List<String> patterns = new ArrayList<>();
        for (Mapping m : app.filterMappings().all()) {
            if (m.filter() == this) {
                patterns.addAll(m.urlPatterns());
            }
        }
        return Collections.unmodifiableList(patterns);
    }

    // ---- FilterConfig ----------------------------------------------------------------------------------------

    @Override
    public String getFilterName() {
        return getName();
    }

    @Override
    public ServletContext getServletContext() {
        return app.context();
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(getInitParameters().keySet());
    }

    // ---- life cycle ----------------------------------------------------------------------------------------------

    /** The initialised filter, created and initialised on first use. */
    public Filter filter() throws ServletException {
        return component();
    }

    @Override
    Filter create() throws ServletException {
        return app.context().createFilter(filterClass);
    }

    @Override
    void initialize(Filter filter) throws ServletException {
        filter.init(this);
    }

    @Override
    void destroy(Filter filter) {
        filter.destroy();
    }

    @Override
    public String toString() {
        return "filter '" + getName() + "'";
    }
}
