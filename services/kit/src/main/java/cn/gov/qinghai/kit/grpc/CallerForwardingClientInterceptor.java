package cn.gov.qinghai.kit.grpc;

import cn.gov.qinghai.kit.auth.Caller;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * For service-to-service calls: forwards the current caller's token and the request id, so the called service
 * sees who really asked (every call carries the caller's identity) and logs join up. Register it on channels a
 * service opens to another service.
 */
public class CallerForwardingClientInterceptor implements ClientInterceptor {

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                Caller caller = Caller.current();
                if (!caller.isAnonymous()) {
                    headers.put(PlatformServerInterceptor.AUTHORIZATION, "Bearer " + caller.token());
                }
                headers.put(RequestIds.HEADER, RequestIds.current());
                super.start(listener, headers);
            }
        };
    }
}
