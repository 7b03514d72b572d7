package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CatalogVersionStatus;
import io.cpqoms.kernel.DomainException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogVersionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static CatalogVersion draft() {
        return CatalogVersion.draft("t1", "2026.11", null, "alice", NOW);
    }

    @Test
    void aNewVersionIsAnEmptyDraft() {
        CatalogVersion version = draft();
        assertEquals(CatalogVersionStatus.DRAFT, version.status());
        assertEquals(0, version.view().offeringCount());
        assertNull(version.view().publishedAt());
    }

    @Test
    void aDraftNeedsAName() {
        DomainException e = assertThrows(DomainException.class, () -> CatalogVersion.draft("t1", " ", null, "alice", NOW));
        assertEquals(CatalogRules.REQUIRED_FIELD_MISSING, e.code());
    }

    @Test
    void anImportReplacesTheWholeContent() {
        CatalogVersion version = draft();
        version.importDocument(Catalogs.valid(), NOW);
        assertEquals(3, version.view().offeringCount());
        assertEquals(3, version.view().specificationCount());
    }

    @Test
    void anInvalidImportChangesNothing() {
        CatalogVersion version = draft();
        version.importDocument(Catalogs.valid(), NOW);
        CatalogDocument before = version.content();
        CatalogDocument broken = Catalogs.document(List.of(), Catalogs.offering("po_x", "ps_missing"));
        DomainException e = assertThrows(DomainException.class, () -> version.importDocument(broken, NOW.plusSeconds(1)));
        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(CatalogRules.OFFERING_SPECIFICATION_NOT_FOUND, e.code());
        assertSame(before, version.content());
    }

    @Test
    void publishingFreezesTheVersion() {
        CatalogVersion version = draft();
        version.importDocument(Catalogs.valid(), NOW);
        assertTrue(version.publish("bob", NOW));
        assertEquals(CatalogVersionStatus.PUBLISHED, version.status());
        assertEquals("bob", version.view().publishedBy());
        DomainException e = assertThrows(DomainException.class, () -> version.importDocument(Catalogs.valid(), NOW));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(CatalogVersion.CATALOG_VERSION_PUBLISHED, e.code());
    }

    @Test
    void publishingAgainIsHarmless() {
        CatalogVersion version = draft();
        version.importDocument(Catalogs.valid(), NOW);
        version.publish("bob", NOW);
        assertFalse(version.publish("carol", NOW.plusSeconds(60)));
        assertEquals("bob", version.view().publishedBy());
        assertEquals(NOW, version.view().publishedAt());
    }

    @Test
    void anEmptyVersionCannotBePublished() {
        DomainException e = assertThrows(DomainException.class, () -> draft().publish("bob", NOW));
        assertEquals(CatalogVersion.CATALOG_VERSION_EMPTY, e.code());
    }

    @Test
    void aNewDraftCopiesAPublishedVersionButNotADraft() {
        CatalogVersion published = draft();
        published.importDocument(Catalogs.valid(), NOW);
        assertThrows(DomainException.class, () -> published.draftCopy("copy", null, "alice", NOW));
        published.publish("bob", NOW);
        CatalogVersion copy = published.draftCopy("2026.12", null, "alice", NOW);
        assertEquals(CatalogVersionStatus.DRAFT, copy.status());
        assertEquals(published.id(), copy.view().sourceVersionId());
        assertEquals(published.content(), copy.content());
        assertEquals("t1", copy.tenantId());
    }
}
