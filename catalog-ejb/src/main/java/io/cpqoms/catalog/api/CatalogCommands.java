package io.cpqoms.catalog.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/** What changes the catalog. Each call is one transaction, audited. */
@Local
public interface CatalogCommands {

    /** Creates a draft version, empty or copied from a published version. */
    CatalogVersionView createVersion(CommandContext context, NewCatalogVersion request);

    /** Replaces a draft's whole content with the document, or changes nothing if any rule is broken. */
    CatalogVersionView importDocument(CommandContext context, UUID versionId, CatalogDocument document);

    /** Freezes a draft. Publishing a published version again returns it unchanged. */
    CatalogVersionView publish(CommandContext context, UUID versionId);
}
