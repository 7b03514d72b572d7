package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * The reusable technical definition of a product: the characteristics it can be configured with and
 * the fulfillment steps an order line of it decomposes into, per line action; its family (offerings
 * of one family are alternatives to each other, for example fiber and fixed wireless internet access)
 * and the configuration rules between its characteristics.
 */
public record ProductSpecification(String id,
                                   String name,
                                   String description,
                                   String brand,
                                   List<CharacteristicSpecification> characteristics,
                                   List<FulfillmentStepSpecification> fulfillmentSteps,
                                   String family,
                                   List<ConfigurationRule> configurationRules) {

    @JsonbCreator
    public ProductSpecification {
        configurationRules = configurationRules == null ? List.of() : List.copyOf(configurationRules);
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
        fulfillmentSteps = fulfillmentSteps == null ? List.of() : List.copyOf(fulfillmentSteps);
    }

    public ProductSpecification(String id, String name, String description, String brand,
                                List<CharacteristicSpecification> characteristics,
                                List<FulfillmentStepSpecification> fulfillmentSteps) {
        this(id, name, description, brand, characteristics, fulfillmentSteps, null, List.of());
    }

    /** The steps an order line with this action decomposes into, in declared order. */
    public List<FulfillmentStepSpecification> fulfillmentSteps(LineAction action) {
        return fulfillmentSteps.stream().filter(s -> s.action() == action).toList();
    }
}
