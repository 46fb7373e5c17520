package dev.pronto.jsp;

import java.lang.reflect.InvocationTargetException;
import org.apache.tomcat.InstanceManager;

/**
 * What Jasper creates tag handlers and listeners with: plain construction through the public no-argument
 * constructor, class names resolved in the application's class loader. Pronto injects no resources, so there is
 * nothing to do after construction or before destruction. Stateless apart from the loader; thread-safe.
 */
final class ProntoInstanceManager implements InstanceManager {

    private final ClassLoader classLoader;

    ProntoInstanceManager(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public Object newInstance(Class<?> type) throws IllegalAccessException, InvocationTargetException,
            InstantiationException, NoSuchMethodException {
        return type.getConstructor().newInstance();
    }

    @Override
    public Object newInstance(String className) throws IllegalAccessException, InvocationTargetException,
            InstantiationException, ClassNotFoundException, NoSuchMethodException {
        return newInstance(className, classLoader);
    }

    @Override
    public Object newInstance(String className, ClassLoader loader) throws IllegalAccessException,
            InvocationTargetException, InstantiationException, ClassNotFoundException, NoSuchMethodException {
        return newInstance(Class.forName(className, false, loader));
    }

    @Override
    public void newInstance(Object instance) {
        // made elsewhere (e.g. a tag pool): nothing to inject
    }

    @Override
    public void destroyInstance(Object instance) {
        // no @PreDestroy support, as for Pronto's other components
    }
}
