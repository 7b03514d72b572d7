package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The specifications of the catalog the product ships as its demo, with their fulfillment metadata. */
final class DemoCatalog {

    static final String FIBER = "ps_fiber_access";
    static final String MANAGED_ROUTER = "ps_managed_router";
    static final String SERVICE_LEVEL = "ps_service_level";
    static final String SLA_MONITORING = "ps_sla_monitoring";
    static final String BUNDLE = "ps_connectivity_bundle";

    private static final Path FILE = Path.of("../server-config/src/main/demo/demo-catalog.json");

    private DemoCatalog() {
    }

    static Map<String, ProductSpecification> specifications() {
        try {
            CatalogDocument document = Json.read(Files.readString(FILE), CatalogDocument.class);
            Map<String, ProductSpecification> byId = new LinkedHashMap<>();
            document.productSpecifications().forEach(s -> byId.put(s.id(), s));
            return byId;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
