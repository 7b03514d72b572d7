package io.cpqoms.catalog.api;

import java.time.Instant;
import java.util.UUID;

/** A catalog version as callers see it, without its content. */
public record CatalogVersionView(UUID id,
                                 String name,
                                 String description,
                                 CatalogVersionStatus status,
                                 UUID sourceVersionId,
                                 int specificationCount,
                                 int offeringCount,
                                 Instant createdAt,
                                 String createdBy,
                                 Instant publishedAt,
                                 String publishedBy,
                                 long entityVersion) {
}
