package io.cpqoms.catalog.application;

import java.lang.reflect.Field;

/** Puts collaborators into a service's injected fields, as the container would. */
final class Beans {

    private Beans() {
    }

    static <T> T inject(T bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
