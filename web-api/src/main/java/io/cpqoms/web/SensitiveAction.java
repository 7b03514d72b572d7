package io.cpqoms.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose refused attempts are audited (seed 000, section 37: an unauthorised
 * cancel or force-complete causes real customer impact). The value names the action in the audit
 * trail; the order id comes from the {@code orderId} (or {@code id}) path parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SensitiveAction {

    String value();
}
