package io.cpqoms.quote.domain;

import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.quote.api.ApprovalDecision;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.ApprovalStep;
import io.cpqoms.quote.api.ApprovalTrigger;
import io.cpqoms.quote.api.ApprovalView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The approval request of one revision of a {@link Quote}, bound to that revision and its price
 * snapshot: the rules that triggered, the level the chain must reach, the level it waits for and the
 * decisions so far. Created and decided only through its quote.
 */
@Entity
@Table(name = "quote_approval", schema = "quote")
public class QuoteApproval {

    @Id
    private UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "quote_id", nullable = false, updatable = false)
    private Quote quote;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Column(name = "price_snapshot_id", nullable = false, updatable = false)
    private UUID priceSnapshotId;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private int policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status;

    @Column(name = "required_level", nullable = false, updatable = false)
    private int requiredLevel;

    /** The level the request waits for, and its role; both null once the request is decided. */
    @Column(name = "next_level")
    private Integer nextLevel;

    @Column(name = "next_role")
    private String nextRole;

    /** The chain as the policy had it at submission: the role of level 1, 2, ... */
    @Convert(converter = JsonText.class)
    @Column(nullable = false, updatable = false)
    private String chain;

    @Convert(converter = JsonText.class)
    @Column(nullable = false, updatable = false)
    private String triggers;

    @Convert(converter = JsonText.class)
    @Column(nullable = false)
    private String decisions;

    @Column(name = "carried_over_from", updatable = false)
    private UUID carriedOverFrom;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected QuoteApproval() {
    }

    QuoteApproval(Quote quote, int revision, UUID priceSnapshotId, ApprovalPolicy policy, List<ApprovalTrigger> triggers,
                  QuoteApproval coveringApproval, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.quote = quote;
        this.tenantId = quote.tenantId();
        this.revision = revision;
        this.priceSnapshotId = priceSnapshotId;
        this.policyVersion = policy.version();
        this.requiredLevel = ApprovalPolicy.requiredLevel(triggers);
        this.triggers = Json.write(triggers);
        this.chain = Json.write(policy.chain());
        this.decisions = "[]";
        this.requestedBy = actor;
        this.requestedAt = now;
        if (requiredLevel == 0 || coveringApproval != null) {
            this.status = ApprovalStatus.APPROVED;
            this.carriedOverFrom = coveringApproval == null ? null : coveringApproval.id;
            this.decidedAt = now;
        } else {
            this.status = ApprovalStatus.PENDING;
            this.nextLevel = 1;
            this.nextRole = role(1);
        }
    }

    /** Records a decision at the level the request waits for; returns whether the request is now decided. */
    boolean decide(ApprovalDecision decision, String actor, String comment, Instant now) {
        List<ApprovalStep> steps = new ArrayList<>(decisions());
        steps.add(new ApprovalStep(nextLevel, nextRole, decision, actor, comment, now, revision, priceSnapshotId));
        decisions = Json.write(steps);
        if (decision == ApprovalDecision.REJECT) {
            close(ApprovalStatus.REJECTED, now);
        } else if (nextLevel >= requiredLevel) {
            close(ApprovalStatus.APPROVED, now);
        } else {
            nextLevel = nextLevel + 1;
            nextRole = role(nextLevel);
            return false;
        }
        return true;
    }

    /** The request no longer counts: its revision was superseded, or the quote cancelled or expired. */
    void withdraw(Instant now) {
        if (status == ApprovalStatus.PENDING) {
            close(ApprovalStatus.WITHDRAWN, now);
        }
    }

    private void close(ApprovalStatus result, Instant now) {
        status = result;
        nextLevel = null;
        nextRole = null;
        decidedAt = now;
    }

    /** The role that decides a level of this request's chain, or null. */
    public String role(int level) {
        String[] roles = Json.read(chain, String[].class);
        return level >= 1 && level <= roles.length ? roles[level - 1] : null;
    }

    public String nextRole() {
        return nextRole;
    }

    public UUID id() {
        return id;
    }

    public int revision() {
        return revision;
    }

    public UUID priceSnapshotId() {
        return priceSnapshotId;
    }

    public ApprovalStatus status() {
        return status;
    }

    public Integer nextLevel() {
        return nextLevel;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public UUID carriedOverFrom() {
        return carriedOverFrom;
    }

    public int requiredLevel() {
        return requiredLevel;
    }

    public List<ApprovalTrigger> triggers() {
        return Arrays.asList(Json.read(triggers, ApprovalTrigger[].class));
    }

    public List<ApprovalStep> decisions() {
        return Arrays.asList(Json.read(decisions, ApprovalStep[].class));
    }

    public ApprovalView view() {
        return new ApprovalView(id, quote.id(), quote.quoteNumber(), revision, priceSnapshotId, policyVersion, status,
                requiredLevel, nextLevel, nextRole, triggers(), decisions(), carriedOverFrom, requestedBy, requestedAt,
                decidedAt);
    }
}
