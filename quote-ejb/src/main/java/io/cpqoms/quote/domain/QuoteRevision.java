package io.cpqoms.quote.domain;

import io.cpqoms.kernel.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A superseded revision of a quote, kept as it was offered: the whole quote view of that revision
 * (items, price snapshot, approval) as JSON. Written once, when the next revision starts; never changed.
 */
@Entity
@Table(name = "quote_revision", schema = "quote")
@IdClass(QuoteRevision.Key.class)
public class QuoteRevision {

    @Id
    @Column(name = "quote_id", updatable = false)
    private UUID quoteId;

    @Id
    @Column(updatable = false)
    private int revision;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Convert(converter = JsonText.class)
    @Column(nullable = false, updatable = false)
    private String content;

    @Column(name = "superseded_at", nullable = false, updatable = false)
    private Instant supersededAt;

    protected QuoteRevision() {
    }

    QuoteRevision(UUID quoteId, String tenantId, int revision, String content, Instant supersededAt) {
        this.quoteId = quoteId;
        this.tenantId = tenantId;
        this.revision = revision;
        this.content = content;
        this.supersededAt = supersededAt;
    }

    public int revision() {
        return revision;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The revision's quote view as JSON. */
    public String content() {
        return content;
    }

    /** The composite key: quote and revision number. */
    public static class Key implements Serializable {
        private UUID quoteId;
        private int revision;

        public Key() {
        }

        public Key(UUID quoteId, int revision) {
            this.quoteId = quoteId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(quoteId, k.quoteId) && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(quoteId, revision);
        }
    }
}
