package dev.railguard.metaeval;

/**
 * Agreement on single units (claims) where the data set labels units: each unit a judge returned whose text matches a
 * labelled unit of the case (case, white space and a final full stop ignored) is compared with its label, FAIL being
 * the positive class (the judge said N). Judges that paraphrase units match fewer of them; {@link #matchedShare()}
 * says how many were compared. Intervals resample cases, each with all its units and repeats.
 *
 * @param labelled         labelled units times the repeats in which the metric was judged
 * @param matched          of those, units a judge returned with the same text
 * @param failCaught       N on a FAIL unit
 * @param falseAlarms      N on a PASS unit
 * @param failMissed       Y on a FAIL unit
 * @param passAgreed       Y on a PASS unit
 * @param balancedAccuracy balanced accuracy over matched units
 * @param kappa            Cohen's kappa over matched units
 */
public record UnitAgreement(long labelled, long matched, long failCaught, long falseAlarms, long failMissed,
        long passAgreed, Estimate balancedAccuracy, Estimate kappa) {

    /** No unit labels for the metric. */
    public static final UnitAgreement NONE = new UnitAgreement(0, 0, 0, 0, 0, 0, Estimate.UNDEFINED,
            Estimate.UNDEFINED);

    /** Whether the data set labels units of the metric. */
    public boolean present() {
        return labelled > 0;
    }

    /** Matched over labelled ({@code NaN} without unit labels). */
    public double matchedShare() {
        return labelled == 0 ? Double.NaN : (double) matched / labelled;
    }
}
