package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.kernel.Json;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/**
 * Stores a catalog document in a JSONB column. The database side is {@code Object}: the driver hands
 * back a {@link PGobject} for JSONB, and writing one typed as jsonb needs no cast in SQL.
 */
@Converter
public class CatalogDocumentConverter implements AttributeConverter<CatalogDocument, Object> {

    @Override
    public Object convertToDatabaseColumn(CatalogDocument document) {
        if (document == null) {
            return null;
        }
        PGobject json = new PGobject();
        json.setType("jsonb");
        try {
            json.setValue(Json.write(document));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    @Override
    public CatalogDocument convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        String text = column instanceof PGobject pg ? pg.getValue() : column.toString();
        return Json.read(text, CatalogDocument.class);
    }
}
