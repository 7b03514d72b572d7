package io.cpqoms.catalog.integration;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The catalog context as a test deployment: its classes, the kernel, its migrations and Flyway. */
final class CatalogDeployment {

    private CatalogDeployment() {
    }

    static WebArchive create(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, Filters.exclude(".*(Test|IT)\\.class"), "io.cpqoms.catalog", "io.cpqoms.kernel")
                .addAsResource(new File("src/main/resources/db"), "db")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/catalog-orm.xml")
                .addAsWebInfResource(new File("src/main/resources/META-INF/beans.xml"), "beans.xml")
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .resolve("org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql",
                                "org.awaitility:awaitility")
                        .withTransitivity().asFile());
    }
}
