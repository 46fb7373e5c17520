package dev.pronto.deploy;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * For a WAR deployed with {@code ignoreUnsupported}: runs an initializer with a {@code ServletContext} whose
 * {@code addJspFile} registers a servlet answering 501 (JSP is not supported) instead of throwing, so that the rest
 * of what the initializer registers still deploys. Every other call goes to the real context. Thread-safe.
 */
final class JspTolerantInitializer implements ServletContainerInitializer {

    private final ServletContainerInitializer delegate;

    private JspTolerantInitializer(ServletContainerInitializer delegate) {
        this.delegate = delegate;
    }

    static ServletContainerInitializer wrap(ServletContainerInitializer initializer) {
        return new JspTolerantInitializer(initializer);
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        delegate.onStartup(classes, tolerant(context));
    }

    private static ServletContext tolerant(ServletContext context) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("addJspFile") && args != null && args.length == 2) {
                return context.addServlet((String) args[0], new NotImplementedServlet("JSP (" + args[1] + ")"));
            }
            try {
                return method.invoke(context, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, handler);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
