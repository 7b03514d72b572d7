package io.cpqoms.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.EligibilityResult.CustomerSegmentSource;
import io.cpqoms.catalog.domain.CatalogVersion;
import io.cpqoms.catalog.domain.CatalogVersionRepository;
import io.cpqoms.catalog.infrastructure.InMemoryPublishedCatalogCache;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.Roles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The eligibility query of the catalog service over the demo catalog: the latest published version
 * unless one is named, the account standing of the caller's tenant, now unless an instant is named.
 */
class CatalogServiceEligibilityTest {

    private static final CommandContext ACME = new CommandContext("acme", "sam", "corr", Set.of(Roles.SALES));
    private static final CommandContext GLOBEX = new CommandContext("globex", "gil", "corr", Set.of(Roles.SALES));

    /** Versions in memory: whatever was put, newest published last. */
    private static final class InMemoryVersions implements CatalogVersionRepository {
        final Map<UUID, CatalogVersion> byId = new LinkedHashMap<>();

        @Override
        public void add(CatalogVersion version) {
            byId.put(version.id(), version);
        }

        @Override
        public CatalogVersion get(String tenantId, UUID id) {
            CatalogVersion version = byId.get(id);
            if (version == null || !version.tenantId().equals(tenantId)) {
                throw DomainException.notFound(CATALOG_VERSION_NOT_FOUND, "Catalog version " + id + " does not exist.");
            }
            return version;
        }

        @Override
        public Optional<UUID> latestPublished(String tenantId) {
            return byId.values().stream().filter(v -> v.tenantId().equals(tenantId) && v.isPublished())
                    .map(CatalogVersion::id).reduce((a, b) -> b);
        }

        @Override
        public List<CatalogVersion> all(String tenantId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void store(CatalogVersion version) {
        }

        @Override
        public void record(AuditEntry entry) {
        }

        @Override
        public void record(OutboxEvent event) {
        }
    }

    private final InMemoryVersions versions = new InMemoryVersions();
    private final InMemoryAccountStandings standings = new InMemoryAccountStandings();
    private final CatalogService service = Beans.inject(Beans.inject(Beans.inject(new CatalogService(),
            "versions", versions), "published", new InMemoryPublishedCatalogCache()), "standings", standings);
    private final AccountStandingService standingCommands = Beans.inject(new AccountStandingService(), "standings", standings);

    private static CatalogDocument demo() {
        try {
            return Json.read(Files.readString(Path.of("../server-config/src/main/demo/demo-catalog.json")), CatalogDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CatalogVersion version(String tenantId, boolean publish) {
        CatalogVersion version = CatalogVersion.draft(tenantId, "demo", null, "admin", Instant.now());
        version.importDocument(demo(), Instant.now());
        if (publish) {
            version.publish("admin", Instant.now());
        }
        versions.add(version);
        return version;
    }

    private static EligibilityRequest welcome(String accountId, String location) {
        return new EligibilityRequest("cus-1", accountId, "DIRECT_SALES", location, List.of("po_fiber_welcome"), null, null, null);
    }

    private void standing(CommandContext context, String accountId, String debt) {
        standingCommands.record(context, accountId, new AccountStandingUpdate("cus-1", "ENTERPRISE", new BigDecimal(debt),
                "USD", Instant.now().minusSeconds(60)));
    }

    @Test
    void theLatestPublishedVersionAnswersWithTheAccountsStanding() {
        version("acme", true);
        CatalogVersion latest = version("acme", true);
        version("acme", false);
        standing(ACME, "acc-1", "0");
        EligibilityResult result = service.eligibility(ACME, welcome("acc-1", "loc-metro-001"));
        assertEquals(latest.id(), result.catalogVersionId());
        assertTrue(result.allEligible(), result::toString);
        assertEquals(CustomerSegmentSource.ACCOUNT_STANDING, result.customerSegmentSource());
        assertTrue(result.standing().known());

        standing(ACME, "acc-1", "99.90");
        assertEquals(List.of(EligibilityReason.OUTSTANDING_DEBT), service.eligibility(ACME, welcome("acc-1", "loc-metro-001"))
                .offerings().get(0).reasons().stream().map(EligibilityReason::code).toList(), "the newest standing");
    }

    @Test
    void anotherTenantsStandingIsNotUsed() {
        version("acme", true);
        version("globex", true);
        standing(GLOBEX, "acc-1", "0");
        EligibilityResult result = service.eligibility(ACME, welcome("acc-1", "loc-metro-001"));
        assertFalse(result.standing().known());
        assertEquals(List.of(EligibilityReason.SEGMENT_UNKNOWN, EligibilityReason.ACCOUNT_STANDING_UNKNOWN),
                result.offerings().get(0).reasons().stream().map(EligibilityReason::code).toList());
    }

    @Test
    void aNamedVersionAndInstantAreUsed() {
        CatalogVersion first = version("acme", true);
        version("acme", true);
        Instant in2027 = Instant.parse("2027-03-01T00:00:00Z");
        EligibilityResult result = service.eligibility(ACME, new EligibilityRequest(null, null, "DIRECT_SALES", null,
                List.of("po_fiber_10g_launch"), in2027, "ENTERPRISE", first.id()));
        assertEquals(first.id(), result.catalogVersionId());
        assertEquals(in2027, result.requestedAt());
        assertTrue(result.allEligible(), result::toString);
    }

    @Test
    void withoutAPublishedVersionThereIsNothingToDecideOn() {
        CatalogVersion draft = version("acme", false);
        assertEquals("NO_PUBLISHED_CATALOG", assertThrows(DomainException.class,
                () -> service.eligibility(ACME, welcome("acc-1", null))).code());
        EligibilityRequest onDraft = new EligibilityRequest(null, null, "DIRECT_SALES", null, List.of("po_enterprise_fiber"),
                null, "ENTERPRISE", draft.id());
        assertEquals("CATALOG_VERSION_NOT_PUBLISHED", assertThrows(DomainException.class,
                () -> service.eligibility(ACME, onDraft)).code());
        assertEquals(CatalogVersionRepository.CATALOG_VERSION_NOT_FOUND, assertThrows(DomainException.class,
                () -> service.eligibility(GLOBEX, onDraft)).code());
    }

    @Test
    void anInvalidRequestIsRefusedBeforeAnythingIsLookedUp() {
        DomainException e = assertThrows(DomainException.class, () -> service.eligibility(ACME,
                new EligibilityRequest(null, null, null, null, List.of(), null, null, null)));
        assertEquals("ELIGIBILITY_REQUEST_INVALID", e.code());
    }
}
