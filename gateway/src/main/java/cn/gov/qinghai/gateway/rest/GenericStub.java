package cn.gov.qinghai.gateway.rest;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.AbstractStub;

/**
 * A stub for any service, so a transcoded call goes through {@link cn.gov.qinghai.gateway.api.Downstream} exactly
 * as a generated stub does (token and request id attached, deadline, one reconnect attempt).
 */
final class GenericStub extends AbstractStub<GenericStub> {

    GenericStub(Channel channel) {
        super(channel);
    }

    private GenericStub(Channel channel, CallOptions options) {
        super(channel, options);
    }

    @Override
    protected GenericStub build(Channel channel, CallOptions options) {
        return new GenericStub(channel, options);
    }
}
