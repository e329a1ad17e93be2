package cn.gov.qinghai.gateway.api;

import io.grpc.StatusRuntimeException;

/** A gRPC call to a domain service failed; carries which service, for the problem detail. */
public class DownstreamException extends RuntimeException {

    private final String service;

    public DownstreamException(String service, StatusRuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }

    public StatusRuntimeException grpc() {
        return (StatusRuntimeException) getCause();
    }
}
