package io.cpqoms.order.domain;

import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.api.ValidationCheck;
import io.cpqoms.order.api.ValidationOverride;
import io.cpqoms.order.api.ValidationResultView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stored validation result of an order (seed 000, section 10), kept as evidence rather than a log line. */
@Entity
@Table(name = "order_validation_result")
public class ValidationResult {

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
    private static final Type CHECKS = new ArrayList<ValidationCheck>() { }.getClass().getGenericSuperclass();
    private static final Type CODES = new ArrayList<String>() { }.getClass().getGenericSuperclass();

    @Id
    @Column(name = "validation_result_id")
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    private String status;
    @Convert(converter = JsonText.class)
    @Column(name = "checks_performed")
    private String checksPerformed;
    @Convert(converter = JsonText.class)
    private String checks;
    @Column(name = "validated_at")
    private Instant validatedAt;
    @Column(name = "validated_by")
    private String validatedBy;
    @Column(name = "overridden_by")
    private String overriddenBy;
    @Column(name = "overridden_at")
    private Instant overriddenAt;
    @Column(name = "override_reason")
    private String overrideReason;
    @Transient
    private List<ValidationCheck> findings;

    protected ValidationResult() {
    }

    public ValidationResult(UUID orderId, OrderValidation.Outcome outcome, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.status = outcome.hasBlocker() ? FAILED : PASSED;
        this.checksPerformed = Json.write(outcome.performed());
        this.findings = outcome.findings();
        this.checks = Json.write(outcome.findings());
        this.validatedAt = now;
        this.validatedBy = actor;
    }

    public boolean passed() {
        return PASSED.equals(status);
    }

    /** The blockers no override lets through. */
    public List<ValidationCheck> hardBlockers() {
        return findings().stream().filter(c -> c.severity() == Severity.BLOCKER && !c.overridable()).toList();
    }

    /** A supervisor lets the order go on despite its overridable blockers; the result keeps who, when and why. */
    void override(String actor, String reason, Instant now) {
        if (passed() || overriddenBy != null || !hardBlockers().isEmpty()) {
            throw new IllegalStateException("only a failed result with overridable blockers alone is overridden once");
        }
        overriddenBy = actor;
        overriddenAt = now;
        overrideReason = reason;
    }

    public UUID id() {
        return id;
    }

    public List<ValidationCheck> findings() {
        if (findings == null) {
            findings = List.copyOf(Json.<List<ValidationCheck>>read(checks, CHECKS));
        }
        return findings;
    }

    public ValidationResultView view() {
        List<String> performed = Json.read(checksPerformed, CODES);
        return new ValidationResultView(id, orderId, status, validatedAt, performed, findings(),
                overriddenBy == null ? null : new ValidationOverride(overriddenBy, overriddenAt, overrideReason));
    }

    public long blockers() {
        return findings().stream().filter(c -> c.severity() == Severity.BLOCKER).count();
    }
}
