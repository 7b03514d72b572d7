package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.PriceCalculationLine;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of an ad-hoc price calculation as the pipeline takes them: the tree flattened parents
 * first, children pointing at their bundle's line, line ids given or numbered (1, 2, and 1.1, 1.2
 * under line 1), characteristic values the line leaves out taken from the specification's defaults
 * (as a quote item gets them, so a calculation and a quote of the same line agree). Offerings must
 * exist in the version and quantities be positive whole numbers; whether the configuration is
 * complete and allowed is the configuration check's business, not pricing's.
 */
public final class PriceCalculationLines {

    /** The calculation has no lines or too many (400). */
    public static final String PRICE_CALCULATION_INVALID = "PRICE_CALCULATION_INVALID";
    /** The most lines (children included) one calculation prices. */
    public static final int MAX_LINES = 20_000;

    private final CatalogIndex catalog;
    private final List<PricingLine> flat = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private PriceCalculationLines(CatalogIndex catalog) {
        this.catalog = catalog;
    }

    public static List<PricingLine> flatten(List<PriceCalculationLine> lines, CatalogIndex catalog) {
        if (lines.isEmpty()) {
            throw DomainException.invalidInput(PRICE_CALCULATION_INVALID, "A price calculation needs at least one line.");
        }
        PriceCalculationLines flattening = new PriceCalculationLines(catalog);
        for (int i = 0; i < lines.size(); i++) {
            flattening.add(lines.get(i), null, String.valueOf(i + 1), "lines[" + i + "]");
        }
        if (flattening.flat.size() > MAX_LINES) {
            throw DomainException.invalidInput(PRICE_CALCULATION_INVALID, "One calculation prices at most " + MAX_LINES
                    + " lines, children included.");
        }
        if (!flattening.violations.isEmpty()) {
            throw DomainException.ruleViolation("The lines cannot be priced.", flattening.violations);
        }
        return flattening.flat;
    }

    private Map<String, String> withDefaults(ProductOffering offering, Map<String, String> given) {
        ProductSpecification specification = offering == null ? null
                : catalog.specification(offering.productSpecificationId()).orElse(null);
        if (specification == null) {
            return given;
        }
        Map<String, String> values = new HashMap<>(given);
        for (CharacteristicSpecification characteristic : specification.characteristics()) {
            String value = values.get(characteristic.name());
            if ((value == null || value.isBlank()) && characteristic.defaultValue() != null) {
                values.put(characteristic.name(), characteristic.defaultValue());
            }
        }
        return values;
    }

    private void add(PriceCalculationLine line, String parentId, String number, String path) {
        if (flat.size() > MAX_LINES) {
            return;
        }
        if (line == null) {
            violations.add(new Violation(CatalogRules.REQUIRED_FIELD_MISSING, path, path + " is not a line."));
            return;
        }
        String id = line.lineId() == null || line.lineId().isBlank() ? number : line.lineId().strip();
        if (!ids.add(id)) {
            violations.add(new Violation(PricingPipeline.LINE_ID_DUPLICATE, path + ".lineId",
                    "Line id '" + id + "' is used more than once."));
        }
        ProductOffering offering = line.offeringId() == null ? null : catalog.offering(line.offeringId()).orElse(null);
        if (line.offeringId() == null || line.offeringId().isBlank()) {
            violations.add(new Violation(ProductConfigurator.OFFERING_NOT_FOUND, path + ".offeringId",
                    "An offering id is required."));
        } else if (offering == null) {
            violations.add(new Violation(ProductConfigurator.OFFERING_NOT_FOUND, path + ".offeringId", "Offering '"
                    + line.offeringId() + "' does not exist in catalog version " + catalog.versionId() + "."));
        }
        BigDecimal quantity = line.quantity() == null ? BigDecimal.ONE : line.quantity();
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            violations.add(new Violation(ProductConfigurator.QUANTITY_INVALID, path + ".quantity",
                    "Quantity must be a positive whole number, not " + quantity.toPlainString() + "."));
        }
        flat.add(new PricingLine(id, line.offeringId(), quantity, parentId, withDefaults(offering, line.characteristics()),
                List.of(), null));
        for (int i = 0; i < line.children().size(); i++) {
            add(line.children().get(i), id, id + "." + (i + 1), path + ".children[" + i + "]");
        }
    }
}
