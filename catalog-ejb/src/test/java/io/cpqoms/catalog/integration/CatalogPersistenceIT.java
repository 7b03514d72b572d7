package io.cpqoms.catalog.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogCommands;
import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.NewCatalogVersion;
import io.cpqoms.catalog.application.CatalogService;
import io.cpqoms.catalog.domain.CatalogRules;
import io.cpqoms.catalog.domain.CatalogVersion;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.Roles;
import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog on a real Payara Server and PostgreSQL: JSONB storage read back past every cache,
 * atomic imports, the database's own guard on published versions, audit and outbox rows, optimistic
 * locking under concurrent commands, and the sellability rule quotes will call.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogPersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return CatalogDeployment.create("catalog-persistence-it")
                .addAsResource(new java.io.File("../server-config/src/main/demo/demo-catalog.json"), "demo-catalog.json");
    }

    @EJB
    CatalogCommands commands;

    @EJB
    CatalogQueries queries;

    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = ServerResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = ServerResources.EVENTS_TOPIC)
    Topic events;

    private final CommandContext context = new CommandContext("tenant-" + UUID.randomUUID(), "it-user", UUID.randomUUID().toString(),
            Set.of(Roles.CATALOG_ADMIN));

    private static CatalogDocument demo() throws Exception {
        try (var in = CatalogPersistenceIT.class.getClassLoader().getResourceAsStream("demo-catalog.json")) {
            return Json.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), CatalogDocument.class);
        }
    }

    private CatalogVersionView publishedDemo() throws Exception {
        CatalogVersionView draft = commands.createVersion(context, new NewCatalogVersion("it " + UUID.randomUUID(), null, null));
        commands.importDocument(context, draft.id(), demo());
        return commands.publish(context, draft.id());
    }

    @Test
    void theDocumentIsStoredAsJsonbAndReadBackPastTheCache() throws Exception {
        CatalogVersionView version = publishedDemo();
        CatalogVersion stored = em.find(CatalogVersion.class, version.id(),
                Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS));
        assertEquals(demo(), stored.content());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select jsonb_typeof(content), content #>> '{productOfferings,0,id}',"
                     + " jsonb_array_length(content -> 'productOfferings') from catalog.catalog_version where id = ?")) {
            s.setObject(1, version.id());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("object", rs.getString(1));
                assertEquals(demo().productOfferings().get(0).id(), rs.getString(2));
                assertEquals(demo().productOfferings().size(), rs.getInt(3));
            }
        }
    }

    @Test
    void aRejectedImportLeavesTheDraftAndTheAuditTrailAsTheyWere() throws Exception {
        CatalogVersionView draft = commands.createVersion(context, new NewCatalogVersion("it " + UUID.randomUUID(), null, null));
        CatalogVersionView loaded = commands.importDocument(context, draft.id(), demo());
        int auditBefore = count("select count(*) from catalog.audit_entry where aggregate_id = ?", draft.id().toString());

        CatalogDocument broken = new CatalogDocument(demo().productSpecifications().subList(1, 2), demo().productOfferings());
        DomainException e = assertThrows(DomainException.class, () -> commands.importDocument(context, draft.id(), broken));
        assertEquals(CatalogRules.OFFERING_SPECIFICATION_NOT_FOUND, e.code());

        CatalogVersionView after = queries.version(context, draft.id());
        assertEquals(loaded.entityVersion(), after.entityVersion());
        assertEquals(loaded.offeringCount(), after.offeringCount());
        assertEquals(demo(), em.find(CatalogVersion.class, draft.id(),
                Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)).content());
        assertEquals(auditBefore, count("select count(*) from catalog.audit_entry where aggregate_id = ?", draft.id().toString()));
    }

    @Test
    void everyChangeIsAuditedAndPublicationLeavesAnEventInTheOutbox() throws Exception {
        CatalogVersionView version = publishedDemo();
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select action, actor, correlation_id, tenant_id from catalog.audit_entry"
                     + " where aggregate_id = ? order by occurred_at")) {
            s.setString(1, version.id().toString());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                    assertEquals(context.actor(), rs.getString(2));
                    assertEquals(context.correlationId(), rs.getString(3));
                    assertEquals(context.tenantId(), rs.getString(4));
                }
            }
        }
        assertEquals(List.of("CATALOG_VERSION_CREATED", "CATALOG_DOCUMENT_IMPORTED", "CATALOG_VERSION_PUBLISHED"), actions);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select event_type, payload ->> 'eventId', event_id::text,"
                     + " payload #>> '{data,catalogVersionId}' from catalog.outbox_event where aggregate_id = ?")) {
            s.setString(1, version.id().toString());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("catalog.version.published.v1", rs.getString(1));
                assertEquals(rs.getString(3), rs.getString(2));
                assertEquals(version.id().toString(), rs.getString(4));
            }
        }
        commands.publish(context, version.id());
        assertEquals(1, count("select count(*) from catalog.outbox_event where aggregate_id = ?", version.id().toString()),
                "publishing again publishes no second event");
    }

    @Test
    void publicationReachesTheEventsTopicAfterCommitAsAVersionedIntegrationEvent() throws Exception {
        try (JMSContext subscriber = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = subscriber.createConsumer(events,
                     "eventType = 'catalog.version.published.v1' AND tenantId = '" + context.tenantId() + "'")) {
            CatalogVersionView version = publishedDemo();
            Message message = consumer.receive(Duration.ofSeconds(30).toMillis());
            assertNotNull(message, "no event arrived");
            String eventId = message.getStringProperty("eventId");
            assertEquals(context.correlationId(), message.getStringProperty("correlationId"));
            assertEquals(version.id().toString(), message.getStringProperty("aggregateId"));
            jakarta.json.JsonObject payload = jakarta.json.Json.createReader(
                    new java.io.StringReader(message.getBody(String.class))).readObject();
            assertEquals(eventId, payload.getString("eventId"));
            assertEquals(version.id().toString(), payload.getJsonObject("data").getString("catalogVersionId"));
            await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from catalog.outbox_event"
                    + " where aggregate_id = ? and published_at is not null", version.id().toString()) == 1);
            assertNull(consumer.receive(1500), "the event is published once");
        }
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() throws Exception {
        CatalogVersionView version = publishedDemo();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update catalog.catalog_version set name = 'tampered' where id = ?")) {
            s.setObject(1, version.id());
            SQLException e = assertThrows(SQLException.class, s::executeUpdate);
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
        }
        assertEquals(version.name(), queries.version(context, version.id()).name());
    }

    @Test
    void concurrentImportsNeverLoseAnUpdate() throws Exception {
        CatalogVersionView draft = commands.createVersion(context, new NewCatalogVersion("it " + UUID.randomUUID(), null, null));
        CatalogDocument document = demo();
        List<Future<CatalogVersionView>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(executor.submit((Callable<CatalogVersionView>) () -> commands.importDocument(context, draft.id(), document)));
        }
        int succeeded = 0;
        int conflicted = 0;
        for (Future<CatalogVersionView> result : results) {
            try {
                result.get();
                succeeded++;
            } catch (ExecutionException e) {
                assertTrue(isOptimisticLockFailure(e), () -> "unexpected failure " + e.getCause());
                conflicted++;
            }
        }
        assertEquals(8, succeeded + conflicted);
        assertTrue(succeeded >= 1);
        assertEquals(draft.entityVersion() + succeeded, queries.version(context, draft.id()).entityVersion(),
                "every successful import, and only those, moved the version on");
    }

    @Test
    void anOfferingIsSellableOnlyWhenActiveAndInsideItsWindow() throws Exception {
        CatalogVersionView version = publishedDemo();
        assertNotNull(queries.sellableOffering(context, version.id(), "po_enterprise_fiber", Instant.now()));

        DomainException future = assertThrows(DomainException.class,
                () -> queries.sellableOffering(context, version.id(), "po_fiber_10g_launch", Instant.parse("2026-11-01T00:00:00Z")));
        assertEquals(CatalogService.OFFERING_NOT_SELLABLE, future.code());
        assertNotNull(queries.sellableOffering(context, version.id(), "po_fiber_10g_launch", Instant.parse("2027-02-01T00:00:00Z")));

        DomainException retired = assertThrows(DomainException.class,
                () -> queries.sellableOffering(context, version.id(), "po_business_dsl", Instant.now()));
        assertTrue(retired.violations().get(0).message().contains("RETIRED"));

        CatalogVersionView draft = commands.createVersion(context, new NewCatalogVersion("draft " + UUID.randomUUID(), null, version.id()));
        DomainException notPublished = assertThrows(DomainException.class,
                () -> queries.sellableOffering(context, draft.id(), "po_enterprise_fiber", Instant.now()));
        assertEquals(CatalogService.CATALOG_VERSION_NOT_PUBLISHED, notPublished.code());
    }

    @Test
    void anotherTenantCannotSeeTheVersion() throws Exception {
        CatalogVersionView version = publishedDemo();
        CommandContext other = new CommandContext("other-" + UUID.randomUUID(), "it-user", "c", Set.of(Roles.CATALOG_ADMIN));
        DomainException e = assertThrows(DomainException.class, () -> queries.version(other, version.id()));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
        assertThrows(DomainException.class, () -> queries.offering(other, "po_enterprise_fiber", version.id()));
        assertThrows(DomainException.class, () -> queries.sellableOffering(other, version.id(), "po_enterprise_fiber", Instant.now()));
        assertTrue(queries.versions(other).isEmpty());
    }

    @Test
    void onlyCatalogAdministratorsSeeDrafts() throws Exception {
        CatalogVersionView version = publishedDemo();
        CatalogVersionView draft = commands.createVersion(context, new NewCatalogVersion("draft " + UUID.randomUUID(), null, version.id()));
        CommandContext sales = new CommandContext(context.tenantId(), "seller", "c", Set.of(Roles.SALES));
        assertEquals(List.of(version.id()), queries.versions(sales).stream().map(CatalogVersionView::id).toList());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () -> queries.version(sales, draft.id())).kind());
        assertThrows(DomainException.class, () -> queries.offering(sales, "po_enterprise_fiber", draft.id()));
        assertEquals(version.id(), queries.offering(sales, "po_enterprise_fiber", null).catalogVersionId());
        assertEquals(2, queries.versions(context).size());
    }

    private static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
