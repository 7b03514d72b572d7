package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalog versions are stored as JSON documents: the fulfillment metadata must come back as it went in. */
class CatalogDocumentJsonTest {

    @Test
    void theDemoCatalogSurvivesAStorageRoundTrip() {
        CatalogDocument demo = InMemoryCatalog.demoDocument();
        assertEquals(demo, Json.read(Json.write(demo), CatalogDocument.class));
    }

    @Test
    void aStepWithoutRetriesOrCompensationIsReadWithTheDefaults() {
        String json = """
                {"productSpecifications": [{"id": "ps", "name": "P", "fulfillmentSteps": [
                  {"action": "MODIFY", "itemType": "CHANGE_BANDWIDTH", "responsibleSystem": "network"}]}]}
                """;
        ProductSpecification spec = Json.read(json, CatalogDocument.class).productSpecifications().get(0);
        FulfillmentStepSpecification step = spec.fulfillmentSteps().get(0);

        assertEquals(LineAction.MODIFY, step.action());
        assertEquals(List.of(), step.dependsOn());
        assertNull(step.compensationAction());
        assertEquals(FulfillmentStepSpecification.DEFAULT_MAX_RETRIES, step.retryBudget());
        assertEquals(List.of(step), spec.fulfillmentSteps(LineAction.MODIFY));
        assertEquals(List.of(), spec.fulfillmentSteps(LineAction.ADD));
    }

    @Test
    void theWrittenStepCarriesNoDerivedFields() {
        String json = Json.write(new FulfillmentStepSpecification(LineAction.ADD, "X", "sys", List.of(), null, null, null, null));
        assertFalse(json.contains("retryBudget"), json);
        assertFalse(json.contains("maxRetries"), json);
    }
}
