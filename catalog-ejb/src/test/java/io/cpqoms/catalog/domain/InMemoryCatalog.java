package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.Promotion;
import io.cpqoms.kernel.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Catalog versions held in memory for the domain tests: any document, or the shipped demo catalog. */
final class InMemoryCatalog {

    static final Path DEMO_CATALOG = Path.of("../server-config/src/main/demo/demo-catalog.json");

    private InMemoryCatalog() {
    }

    static DocumentCatalog of(CatalogDocument document) {
        return new DocumentCatalog(UUID.randomUUID(), document);
    }

    /** The catalog the product ships as its demo. */
    static CatalogDocument demoDocument() {
        try {
            return Json.read(Files.readString(DEMO_CATALOG), CatalogDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
