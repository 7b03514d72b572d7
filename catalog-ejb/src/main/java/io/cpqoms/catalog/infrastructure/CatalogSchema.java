package io.cpqoms.catalog.infrastructure;

import io.cpqoms.kernel.SchemaMigration;
import jakarta.annotation.PostConstruct;
import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Brings the catalog schema up to date while the application deploys, before anything uses it. */
@Singleton
@Startup
public class CatalogSchema {

    private static final Logger LOG = Logger.getLogger(CatalogSchema.class.getName());

    @Resource(lookup = ServerResources.DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        int applied = SchemaMigration.migrate(dataSource, "catalog", CatalogSchema.class.getClassLoader());
        LOG.info(() -> "catalog schema migrated, " + applied + " migration(s) applied");
    }
}
