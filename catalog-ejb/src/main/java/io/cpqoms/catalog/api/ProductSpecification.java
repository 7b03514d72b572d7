package io.cpqoms.catalog.api;

import java.util.List;

/** The reusable technical definition of a product and the characteristics it can be configured with. */
public record ProductSpecification(String id,
                                   String name,
                                   String description,
                                   String brand,
                                   List<CharacteristicSpecification> characteristics) {

    public ProductSpecification {
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
    }
}
