package io.cpqoms.catalog.infrastructure;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/** A JSON text kept in a JSONB column (audit details, event payloads). */
@Converter
public class JsonText implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        if (json == null) {
            return null;
        }
        PGobject value = new PGobject();
        value.setType("jsonb");
        try {
            value.setValue(json);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }

    @Override
    public String convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof PGobject pg ? pg.getValue() : column.toString();
    }
}
