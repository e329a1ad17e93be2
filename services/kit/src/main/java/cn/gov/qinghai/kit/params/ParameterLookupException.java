package cn.gov.qinghai.kit.params;

/** No value of a parameter applies to the date (and region) asked. Services turn it into a clear gRPC error. */
public class ParameterLookupException extends RuntimeException {

    /** Why the lookup found nothing. */
    public enum Kind {
        /** The date is before every known value. */
        NOT_YET_IN_FORCE,
        /** The parameter was repealed (a dated null) on or before the date. */
        REPEALED,
        /** The value in force differs by region and the region asked has none (e.g. the province as a whole). */
        REGION_NOT_COVERED
    }

    private final String parameterId;
    private final Kind kind;

    public ParameterLookupException(String parameterId, Kind kind, String message) {
        super(message);
        this.parameterId = parameterId;
        this.kind = kind;
    }

    public String parameterId() {
        return parameterId;
    }

    public Kind kind() {
        return kind;
    }
}
