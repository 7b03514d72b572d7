package io.cpqoms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries: contexts depend one way (catalog <- quote <- order <- fulfillment), reach
 * each other only through their api packages, and the web layer uses contracts only.
 */
class ModularArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cpqoms");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void everyContextIsThere() {
        for (String context : new String[] {"catalog", "quote", "order", "fulfillment", "web", "kernel"}) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.cpqoms." + context)),
                    "no classes of " + context + " were imported");
        }
    }

    @Test
    void catalogDependsOnNoOtherContext() {
        check(noClasses().that().resideInAPackage("io.cpqoms.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cpqoms.quote..", "io.cpqoms.order..",
                        "io.cpqoms.fulfillment..", "io.cpqoms.web.."));
    }

    @Test
    void quoteDependsOnlyOnCatalog() {
        check(noClasses().that().resideInAPackage("io.cpqoms.quote..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cpqoms.order..", "io.cpqoms.fulfillment..",
                        "io.cpqoms.web.."));
    }

    @Test
    void orderDoesNotDependOnFulfillmentOrWeb() {
        check(noClasses().that().resideInAPackage("io.cpqoms.order..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cpqoms.fulfillment..", "io.cpqoms.web.."));
    }

    @Test
    void fulfillmentDoesNotDependOnWeb() {
        check(noClasses().that().resideInAPackage("io.cpqoms.fulfillment..")
                .should().dependOnClassesThat().resideInAPackage("io.cpqoms.web.."));
    }

    @Test
    void contextsMeetOnlyThroughContracts() {
        check(slices().matching("io.cpqoms.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "io.cpqoms.kernel..", "io.cpqoms.*.api..")));
    }

    @Test
    void theWebLayerUsesContractsOnly() {
        check(noClasses().that().resideInAPackage("io.cpqoms.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.cpqoms.*.domain..", "io.cpqoms.*.application..", "io.cpqoms.*.infrastructure.."));
    }

    @Test
    void theKernelDependsOnNoContext() {
        check(noClasses().that().resideInAPackage("io.cpqoms.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cpqoms.catalog..", "io.cpqoms.quote..",
                        "io.cpqoms.order..", "io.cpqoms.fulfillment..", "io.cpqoms.web.."));
    }

    @Test
    void contractsShipWithoutBeans() {
        // api and kernel classes sit in the EAR's lib folder; a bean there would be discovered twice.
        check(noClasses().that().resideInAnyPackage("io.cpqoms.kernel..", "io.cpqoms.*.api..")
                .should().beAnnotatedWith("jakarta.ejb.Stateless")
                .orShould().beAnnotatedWith("jakarta.ejb.Singleton")
                .orShould().beAnnotatedWith("jakarta.ejb.MessageDriven")
                .orShould().beAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
                .orShould().beAnnotatedWith("jakarta.enterprise.context.RequestScoped"));
    }

    @Test
    void domainCodeDoesNotTalkToTheWebOrMessaging() {
        check(noClasses().that().resideInAPackage("io.cpqoms.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.jms..",
                        "jakarta.ejb..", "jakarta.enterprise.."));
    }

    @Test
    void applicationServicesDependOnPortsNotOnInfrastructure() {
        // Repository interfaces live in domain, their JPA implementations in infrastructure (hexagonal, as
        // ddd-by-examples/library's LendingHexagonalArchitectureTest).
        check(noClasses().that().resideInAnyPackage("io.cpqoms.catalog.application..", "io.cpqoms.quote.application..",
                        "io.cpqoms.order.application..", "io.cpqoms.fulfillment.application..")
                .should().dependOnClassesThat().resideInAPackage("io.cpqoms..infrastructure.."));
    }

    @Test
    void resourcesAreNamedForTheirResource() {
        // the resources this product serves; a Rest Client interface of an external system is not one
        check(classes().that().areAnnotatedWith("jakarta.ws.rs.Path").and().areTopLevelClasses().and().areNotInterfaces()
                .should().haveSimpleNameEndingWith("Resource"));
    }
}
