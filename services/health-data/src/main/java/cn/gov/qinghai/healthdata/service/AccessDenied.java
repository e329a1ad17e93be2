package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.kit.grpc.ServiceException;
import io.grpc.Status;
import java.util.List;
import java.util.Map;

/**
 * PERMISSION_DENIED for a personal record. Its message is the same whatever the internal reason (no consent, out
 * of region, unknown resident), so a denial never reveals whether the record exists; the audit row keeps the real
 * reason. Transactions do not roll back for it, so the audit row of the denial commits.
 */
public final class AccessDenied extends ServiceException {

    public static final String REASON = "ACCESS_DENIED";

    private AccessDenied(String reason, String message) {
        super(Status.Code.PERMISSION_DENIED, reason, message, List.of(), Map.of());
    }

    /** The one answer for every record-level denial. */
    public static AccessDenied record() {
        return new AccessDenied(
                REASON,
                "access to this record is not permitted for your role, region, organisation"
                        + " and purpose, or the record does not exist");
    }

    /** The caller's roles cannot claim this purpose at all (says nothing about any record). */
    public static AccessDenied purpose(String purpose) {
        return new AccessDenied(
                "PURPOSE_NOT_ALLOWED", "your roles may not access records for the purpose '" + purpose + "'");
    }
}
