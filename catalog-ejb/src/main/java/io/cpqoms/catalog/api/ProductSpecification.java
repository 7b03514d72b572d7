package io.cpqoms.catalog.api;

import java.util.List;

/**
 * The reusable technical definition of a product: the characteristics it can be configured with and
 * the fulfillment steps an order line of it decomposes into, per line action.
 */
public record ProductSpecification(String id,
                                   String name,
                                   String description,
                                   String brand,
                                   List<CharacteristicSpecification> characteristics,
                                   List<FulfillmentStepSpecification> fulfillmentSteps) {

    public ProductSpecification {
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
        fulfillmentSteps = fulfillmentSteps == null ? List.of() : List.copyOf(fulfillmentSteps);
    }

    /** The steps an order line with this action decomposes into, in declared order. */
    public List<FulfillmentStepSpecification> fulfillmentSteps(LineAction action) {
        return fulfillmentSteps.stream().filter(s -> s.action() == action).toList();
    }
}
