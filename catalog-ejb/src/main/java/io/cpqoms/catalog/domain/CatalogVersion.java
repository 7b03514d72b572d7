package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CatalogVersionStatus;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The catalog version aggregate. A draft's content is replaced whole by an import that satisfies every
 * catalog rule; publishing freezes it, and from then on quotes and orders may pin it. A published
 * version is never changed: a new draft copied from it is the way to change the catalog.
 */
@Entity
@Table(name = "catalog_version", schema = "catalog")
public class CatalogVersion {

    public static final String CATALOG_VERSION_PUBLISHED = "CATALOG_VERSION_PUBLISHED";
    public static final String CATALOG_VERSION_EMPTY = "CATALOG_VERSION_EMPTY";
    public static final String SOURCE_VERSION_NOT_PUBLISHED = "SOURCE_VERSION_NOT_PUBLISHED";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Version
    @Column(name = "entity_version", nullable = false)
    private long entityVersion;

    @Column(nullable = false)
    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CatalogVersionStatus status;

    @Column(name = "source_version_id", updatable = false)
    private UUID sourceVersionId;

    @Convert(converter = CatalogDocumentConverter.class)
    @Column(nullable = false)
    private CatalogDocument content;

    @Column(name = "specification_count", nullable = false)
    private int specificationCount;

    @Column(name = "offering_count", nullable = false)
    private int offeringCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    protected CatalogVersion() {
    }

    private CatalogVersion(String tenantId, String name, String description, UUID sourceVersionId,
                           CatalogDocument content, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.name = name;
        this.description = description;
        this.status = CatalogVersionStatus.DRAFT;
        this.sourceVersionId = sourceVersionId;
        this.createdAt = now;
        this.createdBy = actor;
        setContent(content, now);
    }

    /** An empty draft. */
    public static CatalogVersion draft(String tenantId, String name, String description, String actor, Instant now) {
        requireName(name);
        return new CatalogVersion(tenantId, name, description, null, CatalogDocument.empty(), actor, now);
    }

    /** A draft that starts as a copy of this published version's content. */
    public CatalogVersion draftCopy(String name, String description, String actor, Instant now) {
        requireName(name);
        if (status != CatalogVersionStatus.PUBLISHED) {
            throw DomainException.ruleViolation("A draft can only be copied from a published version.",
                    List.of(new Violation(SOURCE_VERSION_NOT_PUBLISHED, "sourceVersionId",
                            "Catalog version " + id + " is a draft; copy from a published version.")));
        }
        return new CatalogVersion(tenantId, name, description, id, content, actor, now);
    }

    /** Replaces the whole content, or changes nothing when the document breaks any catalog rule. */
    public void importDocument(CatalogDocument document, Instant now) {
        requireDraft();
        List<Violation> violations = CatalogRules.check(document);
        if (!violations.isEmpty()) {
            throw DomainException.ruleViolation("The catalog document breaks " + violations.size()
                    + " catalog rule(s); nothing was imported.", violations);
        }
        setContent(document, now);
    }

    /** Freezes the draft. Returns false when it was already published, so repeating is harmless. */
    public boolean publish(String actor, Instant now) {
        if (status == CatalogVersionStatus.PUBLISHED) {
            return false;
        }
        if (content.productOfferings().isEmpty()) {
            throw DomainException.ruleViolation("An empty catalog version cannot be published.",
                    List.of(new Violation(CATALOG_VERSION_EMPTY, "productOfferings",
                            "Catalog version " + id + " has no product offerings; import a catalog document first.")));
        }
        List<Violation> violations = CatalogRules.check(content);
        if (!violations.isEmpty()) {
            throw DomainException.ruleViolation("The catalog version breaks catalog rules and cannot be published.", violations);
        }
        status = CatalogVersionStatus.PUBLISHED;
        publishedAt = now;
        publishedBy = actor;
        updatedAt = now;
        return true;
    }

    public boolean isPublished() {
        return status == CatalogVersionStatus.PUBLISHED;
    }

    public CatalogVersionView view() {
        return new CatalogVersionView(id, name, description, status, sourceVersionId, specificationCount,
                offeringCount, createdAt, createdBy, publishedAt, publishedBy, entityVersion);
    }

    private void requireDraft() {
        if (status != CatalogVersionStatus.DRAFT) {
            throw DomainException.conflict(CATALOG_VERSION_PUBLISHED, "Catalog version " + id
                    + " is published and cannot be changed; create a new draft from it and publish that.");
        }
    }

    private void setContent(CatalogDocument document, Instant now) {
        this.content = document;
        this.specificationCount = document.productSpecifications().size();
        this.offeringCount = document.productOfferings().size();
        this.updatedAt = now;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.ruleViolation("A catalog version needs a name.",
                    List.of(new Violation(CatalogRules.REQUIRED_FIELD_MISSING, "name", "name is required.")));
        }
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public CatalogVersionStatus status() {
        return status;
    }

    public CatalogDocument content() {
        return content;
    }

    public long entityVersion() {
        return entityVersion;
    }
}
