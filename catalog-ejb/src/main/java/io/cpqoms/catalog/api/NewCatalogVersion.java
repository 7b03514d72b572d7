package io.cpqoms.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.cpqoms.kernel.Limits;
import java.util.UUID;

/** Start a draft catalog version, empty or as a copy of a published version. */
public record NewCatalogVersion(@NotBlank @Size(max = 200) String name, @Size(max = Limits.TEXT) String description, UUID sourceVersionId) {
}
