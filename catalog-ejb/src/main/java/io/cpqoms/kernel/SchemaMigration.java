package io.cpqoms.kernel;

import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies a context's versioned SQL migrations to its own PostgreSQL schema. First the kernel's own
 * migrations ({@code db/kernel}, shipped with these classes): the tables every context has, the
 * audit trail and the outbox, one definition applied into each context's schema with its own history
 * table ({@value #KERNEL_HISTORY}). Then the context's scripts under {@code db/<schema>} with Flyway's
 * default history table, as ever. So contexts migrate independently and never touch each other's
 * tables, and the kernel's tables cannot drift from one context to another.
 */
public final class SchemaMigration {

    /** The history table of the kernel's migrations, in each context's schema. */
    public static final String KERNEL_HISTORY = "kernel_schema_history";
    /** Where the kernel's migrations are, next to this class. */
    public static final String KERNEL_LOCATION = "classpath:db/kernel";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_]+");

    private SchemaMigration() {
    }

    /**
     * Migrates the schema, the kernel's tables first, and returns the number of migrations applied now
     * (kernel and context together).
     *
     * @param classLoader the context's class loader, which finds its {@code db/<schema>} scripts
     */
    public static int migrate(DataSource dataSource, String schema, ClassLoader classLoader) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        int kernel = configure(dataSource, schema, SchemaMigration.class.getClassLoader())
                .locations(KERNEL_LOCATION)
                .table(KERNEL_HISTORY)
                .load()
                .migrate()
                .migrationsExecuted;
        int own = configure(dataSource, schema, classLoader)
                .locations("classpath:db/" + schema)
                // The schema already holds the kernel's tables when the context's history starts: Flyway
                // would refuse a non-empty schema without its history table, so that history starts
                // with a baseline at version 0 and the context's own scripts (V1 on) all run after it.
                // A schema whose context history exists already is migrated on from it.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("<< kernel tables, context scripts follow >>")
                .load()
                .migrate()
                .migrationsExecuted;
        return kernel + own;
    }

    private static FluentConfiguration configure(DataSource dataSource, String schema, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .failOnMissingLocations(true);
    }
}
