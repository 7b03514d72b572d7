package io.cpqoms.kernel;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A command or query said no. The kind decides the HTTP status, the code is stable for clients to
 * switch on, and rule violations list every broken rule with its element. Thrown from an EJB it rolls
 * the transaction back and reaches the caller unwrapped, so a refused command writes nothing.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind { INVALID_INPUT, NOT_FOUND, CONFLICT, RULE_VIOLATION, FORBIDDEN }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;

    public DomainException(Kind kind, String code, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static DomainException invalidInput(String code, String message) {
        return new DomainException(Kind.INVALID_INPUT, code, message, List.of());
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message, List.of());
    }

    /** The caller's role admits the operation, but not on this object (a case of another work group). */
    public static DomainException forbidden(String code, String message) {
        return new DomainException(Kind.FORBIDDEN, code, message, List.of());
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message, List.of());
    }

    /** A business rule said no; the code names the first broken rule, all of them are listed. */
    public static DomainException ruleViolation(String message, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one violation");
        }
        return new DomainException(Kind.RULE_VIOLATION, violations.get(0).rule(), message, violations);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
