package io.cpqoms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.order.api.DirectOrder;
import io.cpqoms.quote.api.NewQuote;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contract publishes the constraints of every request record, found from every resource. */
class RequestConstraintsTest {

    @Test
    void everyResourceIsListed() {
        Set<String> resources = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cpqoms.web").stream().filter(c -> c.isAnnotatedWith(Path.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(resources, RequestConstraints.RESOURCES.stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theRequestRecordsAreFoundWithTheRecordsInsideThem() {
        Set<Class<?>> records = RequestConstraints.requestRecords();
        assertTrue(records.containsAll(Set.of(NewQuote.class, DirectOrder.class, DirectOrder.Line.class,
                ConfigurationRequest.class)), records.toString());
        assertTrue(records.stream().allMatch(Class::isRecord));
    }

    @Test
    void everyExampleNamesARequestRecord() {
        Set<String> names = RequestConstraints.requestRecords().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        assertTrue(names.containsAll(RequestConstraints.EXAMPLES.keySet()), names.toString());
    }
}
