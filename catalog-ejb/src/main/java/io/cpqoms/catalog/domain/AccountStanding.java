package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.AccountStandingView;
import io.cpqoms.catalog.api.AccountStandingView.Outcome;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The catalog's projection of an account's standing, which billing or the ERP owns: the account's
 * customer, the customer's segment and the outstanding debt, as the owner stated them at {@code asOf}
 * (the projection's freshness). Statements may arrive late, twice or out of order; the newest
 * statement wins, so applying a set of statements in any order leaves the same projection.
 */
@Entity
@Table(name = "account_standing", schema = "catalog")
@IdClass(AccountStanding.Key.class)
public class AccountStanding {

    /** The update is incomplete or wrong (400); its violations name the fields. */
    public static final String ACCOUNT_STANDING_INVALID = "ACCOUNT_STANDING_INVALID";
    /** Two different statements about an account as of the same instant (409). */
    public static final String ACCOUNT_STANDING_CONFLICT = "ACCOUNT_STANDING_CONFLICT";
    /** Violation rules of {@link #ACCOUNT_STANDING_INVALID}. */
    public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String OUTSTANDING_DEBT_NEGATIVE = "OUTSTANDING_DEBT_NEGATIVE";
    public static final String CURRENCY_UNKNOWN = "CURRENCY_UNKNOWN";
    public static final String AS_OF_IN_FUTURE = "AS_OF_IN_FUTURE";

    /** The longest account, customer or segment id. */
    public static final int MAX_ID_LENGTH = 100;
    /**
     * How far ahead of this server's clock a statement may be dated. The newest statement wins, so one
     * dated far in the future would freeze the projection; a small tolerance absorbs clock skew.
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Id
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;

    @Version
    @Column(name = "entity_version", nullable = false)
    private long entityVersion;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "customer_segment")
    private String customerSegment;

    @Column(name = "outstanding_debt", nullable = false)
    private BigDecimal outstandingDebt;

    @Column(nullable = false)
    private String currency;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccountStanding() {
    }

    /** A new projection of the account from the owner's first statement about it. */
    public static AccountStanding of(String tenantId, String accountId, AccountStandingUpdate update, Instant now) {
        check(accountId, update, now);
        AccountStanding standing = new AccountStanding();
        standing.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        standing.accountId = accountId.strip();
        standing.apply(update, now);
        return standing;
    }

    /**
     * Refuses an update that lacks the account, the debt, its currency or the instant, has a negative
     * debt, an unknown currency, an id longer than {@value #MAX_ID_LENGTH} characters, or is dated
     * later than now plus the clock tolerance.
     */
    public static void check(String accountId, AccountStandingUpdate update, Instant now) {
        if (update == null) {
            throw DomainException.invalidInput(ACCOUNT_STANDING_INVALID, "An account standing update needs a body.");
        }
        List<Violation> violations = new ArrayList<>();
        if (blank(accountId)) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "accountId", "accountId is required."));
        }
        limit(accountId, "accountId", violations);
        limit(update.customerId(), "customerId", violations);
        limit(update.customerSegment(), "customerSegment", violations);
        if (update.outstandingDebt() == null) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "outstandingDebt",
                    "outstandingDebt is required (0 when the account owes nothing)."));
        } else if (update.outstandingDebt().signum() < 0) {
            violations.add(new Violation(OUTSTANDING_DEBT_NEGATIVE, "outstandingDebt", "outstandingDebt cannot be negative ("
                    + update.outstandingDebt().toPlainString() + "); a credit balance is a debt of 0."));
        }
        if (blank(update.currency())) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "currency", "currency is required."));
        } else if (!isCurrency(update.currency().strip())) {
            violations.add(new Violation(CURRENCY_UNKNOWN, "currency",
                    "'" + update.currency() + "' is not an ISO 4217 currency code."));
        }
        if (update.asOf() == null) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "asOf",
                    "asOf is required: the instant the owning system stated this standing."));
        } else if (update.asOf().isAfter(now.plus(CLOCK_TOLERANCE))) {
            violations.add(new Violation(AS_OF_IN_FUTURE, "asOf", "asOf " + update.asOf() + " is in the future (now is "
                    + now + "); a statement dated ahead would hide every later one."));
        }
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, ACCOUNT_STANDING_INVALID,
                    "The account standing update is invalid: " + String.join(" ",
                            violations.stream().map(Violation::message).toList()), violations);
        }
    }

    /**
     * Applies a statement about this account: a newer one replaces the projection (UPDATED, even when
     * only its freshness changes), an older one is ignored (STALE_IGNORED), the same one again changes
     * nothing (UNCHANGED); a different statement as of the same instant is refused as a conflict.
     */
    public Outcome record(AccountStandingUpdate update, Instant now) {
        check(accountId, update, now);
        if (update.asOf().isBefore(asOf)) {
            return Outcome.STALE_IGNORED;
        }
        if (update.asOf().equals(asOf)) {
            if (sameStatement(update)) {
                return Outcome.UNCHANGED;
            }
            throw DomainException.conflict(ACCOUNT_STANDING_CONFLICT, "Account " + accountId
                    + " already has a different standing as of " + asOf + " (debt " + outstandingDebt.toPlainString()
                    + " " + currency + ", segment " + customerSegment + "); two statements as of one instant must agree.");
        }
        apply(update, now);
        return Outcome.UPDATED;
    }

    private boolean sameStatement(AccountStandingUpdate update) {
        return Objects.equals(customerId, text(update.customerId()))
                && Objects.equals(customerSegment, text(update.customerSegment()))
                && outstandingDebt.compareTo(update.outstandingDebt()) == 0
                && currency.equals(update.currency().strip());
    }

    private void apply(AccountStandingUpdate update, Instant now) {
        this.customerId = text(update.customerId());
        this.customerSegment = text(update.customerSegment());
        this.outstandingDebt = update.outstandingDebt();
        this.currency = update.currency().strip();
        this.asOf = update.asOf();
        this.updatedAt = now;
    }

    public boolean hasOutstandingDebt() {
        return outstandingDebt.signum() > 0;
    }

    public AccountStandingView view(Outcome outcome) {
        return new AccountStandingView(accountId, customerId, customerSegment, outstandingDebt, currency, asOf, updatedAt,
                entityVersion, outcome);
    }

    public String tenantId() {
        return tenantId;
    }

    public String accountId() {
        return accountId;
    }

    public String customerId() {
        return customerId;
    }

    public String customerSegment() {
        return customerSegment;
    }

    public BigDecimal outstandingDebt() {
        return outstandingDebt;
    }

    public String currency() {
        return currency;
    }

    public Instant asOf() {
        return asOf;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long entityVersion() {
        return entityVersion;
    }

    private static void limit(String value, String field, List<Violation> violations) {
        if (value != null && value.strip().length() > MAX_ID_LENGTH) {
            violations.add(new Violation(FIELD_TOO_LONG, field, field + " is longer than " + MAX_ID_LENGTH + " characters."));
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The projection's identity: one row per account of a tenant. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String tenantId;
        private String accountId;

        public Key() {
        }

        public Key(String tenantId, String accountId) {
            this.tenantId = tenantId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(accountId, key.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, accountId);
        }
    }
}
