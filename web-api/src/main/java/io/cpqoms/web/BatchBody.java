package io.cpqoms.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the body of a batch operation (many items, a whole catalog document, thousands of lines to
 * price): it may be as large as {@code cpq.api.max-batch-body-bytes} instead of {@code cpq.api.max-body-bytes}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface BatchBody {
}
