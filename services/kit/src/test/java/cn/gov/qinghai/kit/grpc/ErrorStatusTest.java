package cn.gov.qinghai.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {

    @Test
    void invalidArgumentCarriesErrorInfoAndEveryField() throws Exception {
        ServiceException e = ServiceException.invalid(
                List.of(new FieldViolation("region", "unknown"), new FieldViolation("date", "is required")));
        StatusRuntimeException sre = ErrorStatus.toStatusException(e, "wage.qinghai.gov.cn", "req-1");
        com.google.rpc.Status status = StatusProto.fromThrowable(sre);
        assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT.value(), status.getCode());
        ErrorInfo info = null;
        BadRequest bad = null;
        for (Any any : status.getDetailsList()) {
            if (any.is(ErrorInfo.class)) {
                info = any.unpack(ErrorInfo.class);
            } else if (any.is(BadRequest.class)) {
                bad = any.unpack(BadRequest.class);
            }
        }
        assertEquals("INVALID_ARGUMENT", info.getReason());
        assertEquals("wage.qinghai.gov.cn", info.getDomain());
        assertEquals(2, bad.getFieldViolationsCount());
        assertTrue(status.getMessage().contains("2 fields"));
    }
}
