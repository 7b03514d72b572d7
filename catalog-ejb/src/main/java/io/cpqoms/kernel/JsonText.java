package io.cpqoms.kernel;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A JSON text kept in a JSONB column (audit details, event payloads). */
@Converter
public class JsonText implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        return JsonbColumn.of(json);
    }

    @Override
    public String convertToEntityAttribute(Object column) {
        return JsonbColumn.text(column);
    }
}
