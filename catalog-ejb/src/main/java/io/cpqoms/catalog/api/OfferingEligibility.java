package io.cpqoms.catalog.api;

import java.util.List;

/**
 * Whether one offering may be offered, every reason why not (stable codes with an explanation), and
 * when it may not, the eligible alternatives of the same specification family.
 */
public record OfferingEligibility(String productOfferingId,
                                  String name,
                                  boolean eligible,
                                  List<EligibilityReason> reasons,
                                  List<EligibilityAlternative> alternatives) {

    public OfferingEligibility {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
