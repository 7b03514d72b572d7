package io.cpqoms.kernel;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies a context's versioned SQL migrations to its own PostgreSQL schema. Each context keeps its
 * scripts under {@code db/<schema>} and its own history table inside its schema, so contexts migrate
 * independently and never touch each other's tables.
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** Migrates the schema and returns the number of migrations applied now. */
    public static int migrate(DataSource dataSource, String schema, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/" + schema)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
