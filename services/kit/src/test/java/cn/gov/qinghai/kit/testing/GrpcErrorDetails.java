package cn.gov.qinghai.kit.testing;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** Reads the platform error model out of a failed call, for assertions. */
public record GrpcErrorDetails(io.grpc.Status.Code code, String message, String reason, List<String> fields) {

    public static GrpcErrorDetails of(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        String reason = "";
        List<String> fields = List.of();
        if (status != null) {
            try {
                for (Any any : status.getDetailsList()) {
                    if (any.is(ErrorInfo.class)) {
                        reason = any.unpack(ErrorInfo.class).getReason();
                    } else if (any.is(BadRequest.class)) {
                        fields = any.unpack(BadRequest.class).getFieldViolationsList().stream()
                                .map(BadRequest.FieldViolation::getField)
                                .toList();
                    }
                }
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return new GrpcErrorDetails(e.getStatus().getCode(), e.getStatus().getDescription(), reason, fields);
    }
}
