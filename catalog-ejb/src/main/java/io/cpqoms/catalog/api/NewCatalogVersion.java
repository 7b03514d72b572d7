package io.cpqoms.catalog.api;

import java.util.UUID;

/** Start a draft catalog version, empty or as a copy of a published version. */
public record NewCatalogVersion(String name, String description, UUID sourceVersionId) {
}
