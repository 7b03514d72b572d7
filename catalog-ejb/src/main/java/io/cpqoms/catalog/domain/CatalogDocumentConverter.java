package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonbColumn;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a catalog document in a JSONB column. */
@Converter
public class CatalogDocumentConverter implements AttributeConverter<CatalogDocument, Object> {

    @Override
    public Object convertToDatabaseColumn(CatalogDocument document) {
        return document == null ? null : JsonbColumn.of(Json.write(document));
    }

    @Override
    public CatalogDocument convertToEntityAttribute(Object column) {
        String text = JsonbColumn.text(column);
        return text == null ? null : Json.read(text, CatalogDocument.class);
    }
}
