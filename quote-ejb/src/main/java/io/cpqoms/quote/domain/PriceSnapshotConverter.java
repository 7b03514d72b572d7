package io.cpqoms.quote.domain;

import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonbColumn;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a quote's price snapshot in a JSONB column, exactly as the catalog calculated it. */
@Converter
public class PriceSnapshotConverter implements AttributeConverter<PriceSnapshot, Object> {

    @Override
    public Object convertToDatabaseColumn(PriceSnapshot snapshot) {
        return snapshot == null ? null : JsonbColumn.of(Json.write(snapshot));
    }

    @Override
    public PriceSnapshot convertToEntityAttribute(Object column) {
        String text = JsonbColumn.text(column);
        return text == null ? null : Json.read(text, PriceSnapshot.class);
    }
}
